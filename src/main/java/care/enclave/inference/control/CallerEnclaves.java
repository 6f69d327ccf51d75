package care.enclave.inference.control;

import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.AttestedEnclaveCallers;
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
 * requires; debuggable callers only with {@code inference.callers.allow-debug}.
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
        return AttestedEnclaveCallers.authenticate(tokens, token, self.resolve(allowedCallers.orElse(List.of())),
                allowDebug, "enclave");
    }
}
