package care.enclave.attestation.control;

import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.AttestedEnclaveCallers;
import care.enclave.platform.attestation.Audiences;
import care.enclave.platform.attestation.ProofOfPossession;
import care.enclave.platform.attestation.ProofRequest;
import care.enclave.platform.security.BearerTokenAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Partner enclaves calling this platform with their attestation token and a DPoP proof of its bound key:
 * those in {@code attestation.partner-enclaves} act as partners (e.g. read scores); debuggable enclaves only
 * where simulation is trusted. A token naming audiences must name {@code attestation.partner-audience}.
 */
@ApplicationScoped
public class AttestedCallers implements BearerTokenAuthenticator {

    @Inject
    AttestationTokenVerifier tokens;

    @Inject
    ProofOfPossession proofs;

    @Inject
    @ConfigProperty(name = "attestation.partner-enclaves")
    Optional<List<String>> partnerEnclaves;

    @Inject
    @ConfigProperty(name = "attestation.trust-simulated", defaultValue = "false")
    boolean trustSimulated;

    @Inject
    @ConfigProperty(name = "attestation.partner-audience", defaultValue = "enclave-care-platform")
    String audience;

    @Override
    public Optional<VerifiedCaller> authenticate(String token, ProofRequest request) {
        return AttestedEnclaveCallers.authenticate(tokens, proofs, token, request, new AttestedEnclaveCallers.Policy(
                partnerEnclaves.orElse(List.of()), trustSimulated, new Audiences(audience, false), "partner"));
    }
}
