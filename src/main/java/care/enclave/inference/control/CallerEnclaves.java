package care.enclave.inference.control;

import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.AttestedEnclaveCallers;
import care.enclave.platform.attestation.Audiences;
import care.enclave.platform.attestation.ProofOfPossession;
import care.enclave.platform.attestation.ProofRequest;
import care.enclave.platform.enclave.EnclaveIdentity;
import care.enclave.platform.security.BearerTokenAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Mutual attestation, provider side: only enclaves in {@code inference.callers.allowed-mrenclaves}
 * ({@code self}: this enclave, for the embedded server) get the {@code enclave} role that inference
 * requires; debuggable callers only with {@code inference.callers.allow-debug}. The token must be meant for
 * this provider ({@code inference.callers.audience}; one without {@code aud} only unless
 * {@code inference.callers.require-audience}) and come with a DPoP proof of the caller's bound key.
 */
@ApplicationScoped
public class CallerEnclaves implements BearerTokenAuthenticator {

    @Inject
    AttestationTokenVerifier tokens;

    @Inject
    ProofOfPossession proofs;

    @Inject
    EnclaveIdentity self;

    @Inject
    @ConfigProperty(name = "inference.callers.allowed-mrenclaves")
    Optional<List<String>> allowedCallers;

    @Inject
    @ConfigProperty(name = "inference.callers.allow-debug", defaultValue = "false")
    boolean allowDebug;

    @Inject
    @ConfigProperty(name = "inference.callers.audience", defaultValue = "enclave-care-inference")
    String audience;

    @Inject
    @ConfigProperty(name = "inference.callers.require-audience", defaultValue = "false")
    boolean requireAudience;

    @Override
    public Optional<VerifiedCaller> authenticate(String token, ProofRequest request) {
        return AttestedEnclaveCallers.authenticate(tokens, proofs, token, request, new AttestedEnclaveCallers.Policy(
                self.resolve(allowedCallers.orElse(List.of())), allowDebug, new Audiences(audience, requireAudience),
                "enclave"));
    }
}
