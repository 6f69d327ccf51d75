package care.enclave.inference.control;

/**
 * Why an inference did not happen. Fixed texts: never tensor values (they are patient data) or paths.
 */
public class InferenceException extends RuntimeException {

    /** The outcome; the boundary picks the HTTP status from it. */
    public enum Kind { MODEL_NOT_FOUND, INVALID_INPUT, BUSY, FAILED, REPLAYED }

    private final Kind kind;

    public InferenceException(Kind kind, String message) {
        super("Inference: " + message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
