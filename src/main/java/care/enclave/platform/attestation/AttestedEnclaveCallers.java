package care.enclave.platform.attestation;

import care.enclave.platform.security.BearerTokenAuthenticator.VerifiedCaller;
import care.enclave.platform.security.BearerTokenException;
import care.enclave.platform.security.UnverifiedClaims;
import care.enclave.platform.security.VerifiedToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enclaves that call with their attestation token: a token from a trusted attestation service, meant for
 * this service ({@link Audiences}) and accompanied by a DPoP proof of the key its runtime data binds
 * ({@link ProofOfPossession}: the token alone is not a bearer secret, since anyone can have an enclave's
 * published evidence attested), proves an enclave; it gets {@code role} only if its MRENCLAVE is allowed,
 * otherwise it is a known caller without that role (403, not 401). Each module that accepts enclave callers
 * states its role, list and audience.
 */
public final class AttestedEnclaveCallers {

    private AttestedEnclaveCallers() {
    }

    /** What a module requires of its enclave callers. */
    public record Policy(List<String> allowedMrEnclaves, boolean allowDebug, Audiences audience, String role) {
    }

    /**
     * Empty when the token is not an attestation token of a trusted issuer, or is meant for another service (in
     * the embedded server several services judge every token; the one it is for decides).
     */
    public static Optional<VerifiedCaller> authenticate(AttestationTokenVerifier tokens, ProofOfPossession proofs,
                                                        String token, ProofRequest request, Policy policy) {
        String issuer = UnverifiedClaims.issuer(token);
        if (issuer == null || !tokens.trusts(issuer)) {
            return Optional.empty();
        }
        try {
            VerifiedAttestation enclave = tokens.verify(token, Expectations.mrEnclave(List.of(), policy.allowDebug()));
            if (!policy.audience().accepts(enclave)) {
                return Optional.empty();
            }
            proofs.verify(request, enclave);
            boolean allowed = policy.allowedMrEnclaves().stream().anyMatch(m -> m.equalsIgnoreCase(enclave.mrEnclave()));
            return Optional.of(new VerifiedCaller(new VerifiedToken("enclave:" + enclave.mrEnclave(), token,
                    UnverifiedClaims.of(token).orElseThrow()), allowed ? Set.of(policy.role()) : Set.of()));
        } catch (AttestationTokenException refused) {
            throw new BearerTokenException(refused.reason(), "attestation token refused (" + refused.reason() + ")");
        }
    }
}
