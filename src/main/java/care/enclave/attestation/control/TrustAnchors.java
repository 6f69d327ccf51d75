package care.enclave.attestation.control;

import care.enclave.platform.enclave.SimulatedPlatforms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The roots quotes are verified against: Intel's SGX root always; this installation's simulated root only
 * when {@code attestation.trust-simulated} is true (the embedded development default, never production).
 */
@ApplicationScoped
public class TrustAnchors {

    @Inject
    SimulatedPlatforms simulated;

    @Inject
    @ConfigProperty(name = "attestation.trust-simulated", defaultValue = "false")
    boolean trustSimulated;

    private TrustedRoots roots;

    public synchronized TrustedRoots roots() {
        if (roots == null) {
            roots = trustSimulated ? TrustedRoots.intelAndSimulated(simulated.platform().rootPublicKey())
                    : TrustedRoots.intelOnly();
        }
        return roots;
    }
}
