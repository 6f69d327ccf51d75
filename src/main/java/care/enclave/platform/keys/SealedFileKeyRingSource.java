package care.enclave.platform.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The key ring in a file sealed under the master key: the enclave's sealing key when
 * {@code platform.keys.sealing-key-file} names one (SGX), else the development stand-in.
 */
@ApplicationScoped
public class SealedFileKeyRingSource implements KeyRingSource {

    private static final Logger LOG = Logger.getLogger(SealedFileKeyRingSource.class.getName());

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "platform.keys.sealing-key-file")
    Optional<String> sealingKeyFile;

    static SealedFileKeyRingSource development(Path dataDir) {
        SealedFileKeyRingSource source = new SealedFileKeyRingSource();
        source.dataDir = dataDir.toString();
        source.sealingKeyFile = Optional.empty();
        return source;
    }

    @Override
    public String name() {
        return "sealed-file";
    }

    @Override
    public KeyRing load() {
        return KeyRing.loadOrCreate(dir(), kek());
    }

    @Override
    public void save(KeyRing ring) {
        ring.save(dir(), kek());
    }

    /** Whether a ring sealed under the master key exists, e.g. from before key release was enabled. */
    public boolean exists() {
        return java.nio.file.Files.exists(dir().resolve(KeyRing.FILE_NAME));
    }

    private Path dir() {
        return Path.of(dataDir, "keys");
    }

    private SecretKey kek() {
        if (sealingKeyFile.isPresent()) {
            return MasterKey.fromSealingKey(Path.of(sealingKeyFile.get()));
        }
        LOG.fine("Key ring sealed under the development stand-in master key");
        return MasterKey.developmentStandIn(dir());
    }
}
