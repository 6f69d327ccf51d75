package care.enclave.platform.security;

/**
 * A bearer token was refused. Messages have a fixed prefix and name the failed check, never token content;
 * {@link #reason()} is a stable code for the problem answer (e.g. {@code PROOF_MISSING}), or null.
 */
public class BearerTokenException extends RuntimeException {

    private final String reason;

    public BearerTokenException(String message) {
        this(null, message);
    }

    public BearerTokenException(String reason, String message) {
        super("Bearer token rejected: " + message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
