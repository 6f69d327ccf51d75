package care.enclave.platform.keys;

import java.nio.file.Path;

/** Opens the package-private development factory to tests of other modules. */
public final class TestKeyRingSources {

    private TestKeyRingSources() {
    }

    public static SealedFileKeyRingSource development(Path dataDir) {
        return SealedFileKeyRingSource.development(dataDir);
    }
}
