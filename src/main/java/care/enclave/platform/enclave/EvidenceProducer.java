package care.enclave.platform.enclave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Chooses the evidence provider ({@code attestation.evidence.provider}): {@code gramine} inside SGX, or
 * {@code simulated}, whose MRENCLAVE is the SHA-256 of this deployed application's classes and libraries.
 */
@ApplicationScoped
public class EvidenceProducer {

    private static final Logger LOG = Logger.getLogger(EvidenceProducer.class.getName());

    @Inject
    ServletContext context;

    @Inject
    SimulatedPlatforms platforms;

    @Inject
    @ConfigProperty(name = "attestation.evidence.provider", defaultValue = "gramine")
    String kind;

    @Inject
    @ConfigProperty(name = "attestation.gramine.base-path", defaultValue = "/dev/attestation")
    String graminePath;

    @Inject
    @ConfigProperty(name = "attestation.simulated.product-id", defaultValue = "1")
    int productId;

    @Inject
    @ConfigProperty(name = "attestation.simulated.svn", defaultValue = "1")
    int svn;

    @Produces
    @ApplicationScoped
    EvidenceProvider evidenceProvider() {
        if ("gramine".equals(kind)) {
            LOG.info(() -> "Enclave evidence from Gramine's attestation device at " + graminePath);
            return new GramineEvidenceProvider(Path.of(graminePath));
        }
        if (!"simulated".equals(kind)) {
            throw new IllegalStateException("attestation.evidence.provider must be gramine or simulated");
        }
        byte[] mrEnclave = WebAppMeasurement.measureWebApp(context);
        LOG.warning(() -> "Enclave evidence is SIMULATED (development only, NOT confidential); MRENCLAVE "
                + HexFormat.of().formatHex(mrEnclave));
        return new SimulatedEvidenceProvider(platforms.platform(), mrEnclave, productId, svn);
    }
}
