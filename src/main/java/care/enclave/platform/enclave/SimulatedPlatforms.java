package care.enclave.platform.enclave;

import care.enclave.platform.keys.SecureFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * This machine's simulated SGX platform, created on first use. It stands for the hardware, so it lives
 * apart from any one application's data ({@code platform.enclave.simulated-dir}) and is sealed under a key
 * of its own: every enclave application on the machine (the platform, the provider's inference service)
 * shares it, exactly as enclaves on one SGX machine share Intel's platform keys.
 */
@ApplicationScoped
public class SimulatedPlatforms {

    static final String KEY_FILE = "platform-key.SIMULATED-HARDWARE";

    @Inject
    @ConfigProperty(name = "platform.enclave.simulated-dir")
    Optional<String> simulatedDir;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    private SimulatedSgxPlatform platform;

    /** The simulated platform kept in {@code dir}, outside the container (tests, tools). */
    public static SimulatedPlatforms in(Path dir) {
        SimulatedPlatforms platforms = new SimulatedPlatforms();
        platforms.simulatedDir = Optional.of(dir.toString());
        platforms.dataDir = dir.toString();
        return platforms;
    }

    public synchronized SimulatedSgxPlatform platform() {
        if (platform == null) {
            Path dir = Path.of(simulatedDir.orElse(Path.of(dataDir, "simulated-sgx").toString()));
            platform = SimulatedSgxPlatform.loadOrCreate(dir, hardwareKey(dir));
        }
        return platform;
    }

    private static SecretKey hardwareKey(Path dir) {
        Path file = dir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                SecureFiles.writeAtomically(file, key);
            }
            return new SecretKeySpec(Files.readAllBytes(file), "AES");
        } catch (IOException e) {
            throw new EvidenceException("the simulated platform's key is not readable");
        }
    }
}
