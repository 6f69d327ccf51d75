package care.enclave.attestation.control;

import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.AttestedEnclaveCallers;
import care.enclave.platform.security.BearerTokenAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Partner enclaves calling this platform with their attestation token: those in
 * {@code attestation.partner-enclaves} act as partners (e.g. read scores); debuggable enclaves only where
 * simulation is trusted.
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
        return AttestedEnclaveCallers.authenticate(tokens, token, partnerEnclaves.orElse(List.of()), trustSimulated,
                "partner");
    }
}
