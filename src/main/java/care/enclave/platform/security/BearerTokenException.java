package care.enclave.platform.security;

/** A bearer token was refused. Messages have a fixed prefix and name the failed check, never token content. */
public class BearerTokenException extends RuntimeException {

    public BearerTokenException(String message) {
        super("Bearer token rejected: " + message, null, false, false);
    }
}
