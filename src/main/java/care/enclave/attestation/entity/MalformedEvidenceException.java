package care.enclave.attestation.entity;

/** Evidence that cannot even be parsed. Messages have a fixed prefix and never quote the evidence. */
public class MalformedEvidenceException extends RuntimeException {

    public MalformedEvidenceException(String message) {
        super("Malformed evidence: " + message, null, false, false);
    }
}
