package care.enclave.attestation.control;

/**
 * Why evidence or a token was refused: a stable reason (tests and clients match on it) and a fixed-text
 * message that never quotes the evidence, the token or any key.
 */
public class AttestationFailure extends RuntimeException {

    /** Every way attestation fails, one per check. */
    public enum Reason {
        MALFORMED_EVIDENCE, UNSUPPORTED_QUOTE_VERSION, UNSUPPORTED_KEY_TYPE, NOT_INTEL_QUOTING_ENCLAVE,
        UNSUPPORTED_CERTIFICATION_DATA, UNTRUSTED_ROOT, CERTIFICATE_CHAIN_INVALID, CERTIFICATE_EXPIRED,
        CERTIFICATE_NOT_YET_VALID, CERTIFICATE_REVOKED, QE_REPORT_SIGNATURE_INVALID, QE_REPORT_DATA_MISMATCH,
        QUOTE_SIGNATURE_INVALID, REPORT_DATA_MISMATCH, COLLATERAL_INVALID, POLICY_VIOLATION,
        TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_UNTRUSTED_ISSUER, TOKEN_ALGORITHM_REFUSED, TOKEN_UNKNOWN_KEY,
        ENCLAVE_NOT_ALLOWED, DEBUG_ENCLAVE_REFUSED, RUNTIME_KEY_MISSING, KEY_NOT_FOUND, RELEASE_POLICY_VIOLATION,
        NONCE_MISMATCH, AUDIENCE_MISMATCH, PROOF_MISSING, PROOF_KEY_UNBOUND, PROOF_INVALID, PROOF_ALGORITHM_REFUSED,
        PROOF_KEY_MISMATCH, PROOF_MISMATCH, PROOF_STALE, PROOF_REPLAYED
    }

    private final Reason reason;

    public AttestationFailure(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    public Reason failedCheck() {
        return reason;
    }

    public String reason() {
        return reason.name();
    }
}
