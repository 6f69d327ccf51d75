package care.enclave.diagnostics.control;

/**
 * The model returned something that is not a 256x256 map of probabilities. Refused rather than clamped:
 * a NaN or out-of-range map would otherwise become a confident-looking "no lesion" result.
 */
public final class InvalidModelOutput extends DiagnosticsException {

    public InvalidModelOutput(String reason) {
        super("Invalid model output: " + reason);
    }
}
