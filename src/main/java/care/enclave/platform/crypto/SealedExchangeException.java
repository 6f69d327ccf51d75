package care.enclave.platform.crypto;

/**
 * A sealed exchange was refused. Messages start with {@code "Sealed exchange: "}, name only the reason and
 * never carry plaintext, ciphertext or key material.
 */
public class SealedExchangeException extends RuntimeException {

    static final String PREFIX = "Sealed exchange: ";

    SealedExchangeException(String reason) {
        super(PREFIX + reason, null, false, false);
    }
}
