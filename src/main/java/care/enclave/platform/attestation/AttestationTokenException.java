package care.enclave.platform.attestation;

/**
 * An attestation token was refused. {@link #reason()} names the failed check (TOKEN_INVALID, TOKEN_EXPIRED,
 * TOKEN_UNTRUSTED_ISSUER, TOKEN_ALGORITHM_REFUSED, TOKEN_UNKNOWN_KEY, ENCLAVE_NOT_ALLOWED,
 * DEBUG_ENCLAVE_REFUSED, AUDIENCE_MISMATCH, and the PROOF_* reasons of {@link ProofOfPossession}); messages are
 * fixed texts that never quote the token or the proof.
 */
public class AttestationTokenException extends RuntimeException {

    private final String reason;

    public AttestationTokenException(String reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
