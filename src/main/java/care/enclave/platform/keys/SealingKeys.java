package care.enclave.platform.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keys for sealing the platform's own files (attestation signing keys, the key vault, policies), each
 * derived for one purpose from the master secret: the enclave's sealing key in SGX, the development
 * stand-in elsewhere. The master secret is held only in this bean's memory.
 */
@ApplicationScoped
public class SealingKeys {

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "platform.keys.sealing-key-file")
    Optional<String> sealingKeyFile;

    private byte[] secret;

    /** Sealing keys outside the container (tools, tests), from the development stand-in in {@code dataDir}. */
    public static SealingKeys openDevelopment(Path dataDir) {
        SealingKeys keys = new SealingKeys();
        keys.dataDir = dataDir.toString();
        keys.sealingKeyFile = Optional.empty();
        keys.open();
        return keys;
    }

    @PostConstruct
    void open() {
        secret = sealingKeyFile.isPresent()
                ? MasterKey.sealingSecret(Path.of(sealingKeyFile.get()))
                : MasterKey.developmentSecret(Path.of(dataDir, "keys"));
    }

    public SecretKey forPurpose(String purpose) {
        if (purpose.equals(MasterKey.KEYRING_PURPOSE)) {
            throw new KeyException("SealingKeys: the key ring's purpose is reserved");
        }
        return MasterKey.derive(Arrays.copyOf(secret, secret.length), purpose);
    }

    /** Whether the master secret is the enclave's (true) or the development stand-in (false). */
    public boolean enclaveSealed() {
        return sealingKeyFile.isPresent();
    }
}
