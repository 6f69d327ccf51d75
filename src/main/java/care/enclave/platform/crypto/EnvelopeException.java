package care.enclave.platform.crypto;

/** An envelope could not be opened. Messages have a fixed prefix and never carry data. */
public class EnvelopeException extends RuntimeException {

    public EnvelopeException(String message) {
        super(message, null, false, false);
    }
}
