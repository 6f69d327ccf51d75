package care.enclave.inference.control;

import care.enclave.platform.attestation.AttestationTokenException;
import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.attestation.VerifiedAttestation;
import care.enclave.platform.enclave.EnclaveIdentity;
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
 * Mutual attestation, provider side: a caller presents its own attestation token as the bearer token;
 * a token from a trusted attestation service proves an enclave, and only enclaves in
 * {@code inference.callers.allowed-mrenclaves} ({@code self}: this enclave, for the embedded server) get the
 * {@code enclave} role that inference requires
 * (others are known but refused: 403). Debuggable callers only with {@code inference.callers.allow-debug}.
 */
@ApplicationScoped
public class CallerEnclaves implements BearerTokenAuthenticator {

    @Inject
    AttestationTokenVerifier tokens;

    @Inject
    EnclaveIdentity self;

    @Inject
    @ConfigProperty(name = "inference.callers.allowed-mrenclaves")
    Optional<List<String>> allowedCallers;

    @Inject
    @ConfigProperty(name = "inference.callers.allow-debug", defaultValue = "false")
    boolean allowDebug;

    @Override
    public Optional<VerifiedCaller> authenticate(String token) {
        String issuer = UnverifiedIssuer.of(token);
        if (issuer == null || !tokens.trusts(issuer)) {
            return Optional.empty();
        }
        try {
            VerifiedAttestation caller = tokens.verify(token, Expectations.mrEnclave(List.of(), allowDebug));
            boolean allowed = self.resolve(allowedCallers.orElse(List.of())).contains(caller.mrEnclave().toLowerCase());
            return Optional.of(new VerifiedCaller(new VerifiedToken("enclave:" + caller.mrEnclave(), token,
                    claims(token)), allowed ? Set.of("enclave") : Set.of()));
        } catch (AttestationTokenException refused) {
            throw new BearerTokenException("caller attestation token refused (" + refused.reason() + ")");
        }
    }

    private static JwtClaims claims(String token) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new BearerTokenException("caller attestation token claims unreadable");
        }
    }
}
