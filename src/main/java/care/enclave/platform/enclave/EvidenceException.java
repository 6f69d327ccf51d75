package care.enclave.platform.enclave;

/** Evidence could not be produced. Messages are fixed texts: no report data, no quote, no key, no cause. */
public class EvidenceException extends RuntimeException {

    public EvidenceException(String message) {
        super("Evidence unavailable: " + message, null, false, false);
    }
}
