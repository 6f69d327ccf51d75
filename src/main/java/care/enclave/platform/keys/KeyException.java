package care.enclave.platform.keys;

/** Keys are missing, unreadable or do not match the master key. Messages never carry key material. */
public class KeyException extends RuntimeException {

    public KeyException(String message) {
        super(message, null, false, false);
    }
}
