package care.enclave.diagnostics.control;

/**
 * Why a diagnostics step did not happen. Messages are fixed texts chosen by the subclass, never pixel
 * values, dimensions or model output, so they are safe to log and to show; stack traces are not captured
 * (these are outcomes, not bugs).
 */
public abstract class DiagnosticsException extends RuntimeException {

    protected DiagnosticsException(String message) {
        super(message, null, false, false);
    }
}
