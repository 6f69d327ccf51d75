package care.enclave.platform.attestation;

import care.enclave.platform.security.BearerTokenAuthenticator.VerifiedCaller;
import care.enclave.platform.security.BearerTokenException;
import care.enclave.platform.security.UnverifiedClaims;
import care.enclave.platform.security.VerifiedToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enclaves that call with their attestation token as bearer token: a token from a trusted attestation
 * service proves an enclave; it gets {@code role} only if its MRENCLAVE is allowed, otherwise it is a known
 * caller without that role (403, not 401). Each module that accepts enclave callers states its role and list.
 */
public final class AttestedEnclaveCallers {

    private AttestedEnclaveCallers() {
    }

    /** Empty when the token is not an attestation token of a trusted issuer. */
    public static Optional<VerifiedCaller> authenticate(AttestationTokenVerifier tokens, String token,
                                                        List<String> allowedMrEnclaves, boolean allowDebug,
                                                        String role) {
        String issuer = UnverifiedClaims.issuer(token);
        if (issuer == null || !tokens.trusts(issuer)) {
            return Optional.empty();
        }
        try {
            VerifiedAttestation enclave = tokens.verify(token, Expectations.mrEnclave(List.of(), allowDebug));
            boolean allowed = allowedMrEnclaves.stream().anyMatch(m -> m.equalsIgnoreCase(enclave.mrEnclave()));
            return Optional.of(new VerifiedCaller(new VerifiedToken("enclave:" + enclave.mrEnclave(), token,
                    UnverifiedClaims.of(token).orElseThrow()), allowed ? Set.of(role) : Set.of()));
        } catch (AttestationTokenException refused) {
            throw new BearerTokenException("attestation token refused (" + refused.reason() + ")");
        }
    }
}
