package care.enclave.attestation.control;

import care.enclave.platform.attestation.AttestationTokenException;
import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.attestation.VerifiedAttestation;
import care.enclave.platform.security.BearerTokenAuthenticator;
import care.enclave.platform.security.BearerTokenException;
import care.enclave.platform.security.UnverifiedIssuer;
import care.enclave.platform.security.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enclaves calling this platform with their attestation token as the bearer token: a token from a trusted
 * attestation service whose enclave is one of {@code attestation.partner-enclaves} (MRENCLAVE allow-list)
 * acts as a partner; other attested enclaves are known callers without that role (403, not 401). No list,
 * no partner enclaves; debuggable enclaves only where simulation is trusted.
 */
@ApplicationScoped
public class AttestedCallers implements BearerTokenAuthenticator {

    @Inject
    AttestationTokenVerifier tokens;

    @Inject
    @ConfigProperty(name = "attestation.partner-enclaves")
    Optional<List<String>> partnerEnclaves;

    @Inject
    @ConfigProperty(name = "attestation.trust-simulated", defaultValue = "false")
    boolean trustSimulated;

    @Override
    public Optional<VerifiedCaller> authenticate(String token) {
        String issuer = UnverifiedIssuer.of(token);
        if (issuer == null || !tokens.trusts(issuer)) {
            return Optional.empty();
        }
        List<String> allowed = partnerEnclaves.orElse(List.of()).stream().map(String::toLowerCase).toList();
        try {
            VerifiedAttestation enclave = tokens.verify(token, Expectations.mrEnclave(List.of(), trustSimulated));
            Set<String> roles = allowed.contains(enclave.mrEnclave().toLowerCase()) ? Set.of("partner") : Set.of();
            return Optional.of(new VerifiedCaller(new VerifiedToken("enclave:" + enclave.mrEnclave(), token,
                    claims(token)), roles));
        } catch (AttestationTokenException refused) {
            throw new BearerTokenException("attestation token refused (" + refused.reason() + ")");
        }
    }

    /** Claims of a token already verified above, for the JsonWebToken principal. */
    private static JwtClaims claims(String token) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new BearerTokenException("attestation token claims unreadable");
        }
    }
}
