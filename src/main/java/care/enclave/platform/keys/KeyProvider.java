package care.enclave.platform.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Hands out the data keys and the index key. The ring is sealed under the enclave's sealing key when
 * {@code platform.keys.sealing-key-file} names one (SGX), else under the development stand-in.
 */
@ApplicationScoped
public class KeyProvider {

    private static final Logger LOG = Logger.getLogger(KeyProvider.class.getName());

    /** Where the platform keeps its files; Liberty sets it to the server's output folder. */
    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "platform.keys.sealing-key-file")
    Optional<String> sealingKeyFile;

    private volatile KeyRing ring;
    private SecretKey kek;

    /** A provider outside the container (tools, benchmarks, tests), sealed under the development stand-in. */
    public static KeyProvider openDevelopment(Path dataDir) {
        KeyProvider provider = new KeyProvider();
        provider.dataDir = dataDir.toString();
        provider.sealingKeyFile = Optional.empty();
        provider.open();
        return provider;
    }

    @PostConstruct
    void open() {
        Path dir = keysDir();
        if (sealingKeyFile.isPresent()) {
            kek = MasterKey.fromSealingKey(Path.of(sealingKeyFile.get()));
        } else {
            kek = MasterKey.developmentStandIn(dir);
            LOG.warning("Key ring sealed under the DEVELOPMENT stand-in master key (no SGX sealing key configured)");
        }
        ring = KeyRing.loadOrCreate(dir, kek);
    }

    /** Opens the key ring when the application starts, so a missing or wrong master key stops the start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the start is what instantiates this bean eagerly.
    }

    private Path keysDir() {
        return Path.of(dataDir, "keys");
    }

    public DataKey currentDataKey() {
        return ring.current();
    }

    public SecretKey dataKey(int version) {
        return ring.dataKey(version);
    }

    public SecretKey indexKey() {
        return ring.indexKey();
    }

    /** Starts sealing with a fresh data key; existing records keep opening under their own version. */
    public synchronized int rotateDataKey() {
        KeyRing rotated = ring.rotated();
        rotated.save(keysDir(), kek);
        ring = rotated;
        return rotated.current().version();
    }
}
