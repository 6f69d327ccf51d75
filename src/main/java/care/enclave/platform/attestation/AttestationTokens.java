package care.enclave.platform.attestation;

/**
 * Verifies attestation tokens (ours or a trusted Azure Attestation instance's) for other modules: signature
 * against the issuer's published keys, issuer and {@code jku} allow-list, RS256 only, bounded clock skew,
 * then the enclave expectations. Throws {@link AttestationRefused} with a specific reason otherwise.
 */
public interface AttestationTokens {

    VerifiedAttestation verify(String token, Expectations expectations);
}
