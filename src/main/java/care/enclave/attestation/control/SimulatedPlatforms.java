package care.enclave.attestation.control;

import care.enclave.platform.enclave.SimulatedSgxPlatform;
import care.enclave.platform.keys.SealingKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/** This installation's simulated SGX platform, created on first use and sealed on disk. */
@ApplicationScoped
public class SimulatedPlatforms {

    @Inject
    SealingKeys sealing;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    private SimulatedSgxPlatform platform;

    public synchronized SimulatedSgxPlatform platform() {
        if (platform == null) {
            platform = SimulatedSgxPlatform.loadOrCreate(Path.of(dataDir, "attestation", "simulated-sgx"),
                    sealing.forPurpose("simulated-sgx"));
        }
        return platform;
    }
}
