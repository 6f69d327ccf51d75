package care.enclave.platform.keys;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Hands out the data keys and the index key, held only in memory. The ring comes from the
 * {@link KeyRingSource} named by {@code platform.keys.source}: {@code key-release} (released by the key vault
 * to this enclave after it attests itself) or {@code sealed-file}.
 */
@ApplicationScoped
public class KeyProvider {

    private static final Logger LOG = Logger.getLogger(KeyProvider.class.getName());

    @Inject
    Instance<KeyRingSource> sources;

    @Inject
    @ConfigProperty(name = "platform.keys.source", defaultValue = "sealed-file")
    String sourceName;

    private KeyRingSource source;
    private volatile KeyRing ring;

    /** A provider outside the container (tools, benchmarks, tests), sealed under the development stand-in. */
    public static KeyProvider openDevelopment(Path dataDir) {
        KeyProvider provider = new KeyProvider();
        provider.source = SealedFileKeyRingSource.development(dataDir);
        provider.ring = provider.source.load();
        return provider;
    }

    @PostConstruct
    void open() {
        source = sources.stream().filter(s -> s.name().equals(sourceName)).findFirst()
                .orElseThrow(() -> new KeyException("KeyProvider: no key ring source named " + sourceName));
        ring = source.load();
        LOG.info(() -> "Data keys obtained from the " + sourceName + " key ring source");
    }

    /** Opens the key ring when the application starts, so a missing or refused key stops the start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the start is what instantiates this bean eagerly.
    }

    /** Whether the key ring is held (it is released once, at start). */
    public boolean released() {
        return ring != null;
    }

    /** Where the ring came from ({@code key-release} or {@code sealed-file}); not a secret. */
    public String sourceName() {
        return source == null ? "no" : source.name();
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
        source.save(rotated);
        ring = rotated;
        return rotated.current().version();
    }
}
