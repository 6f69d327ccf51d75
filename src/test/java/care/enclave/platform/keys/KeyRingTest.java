package care.enclave.platform.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRingTest {

    @TempDir
    Path dir;

    @Test
    void theRingSurvivesARestart() {
        KeyProvider first = KeyProvider.openDevelopment(dir);
        KeyProvider second = KeyProvider.openDevelopment(dir);

        assertArrayEquals(first.indexKey().getEncoded(), second.indexKey().getEncoded());
        assertArrayEquals(first.currentDataKey().key().getEncoded(), second.currentDataKey().key().getEncoded());
    }

    @Test
    void rotationAddsAVersionAndKeepsTheOldOnes() {
        KeyProvider cut = KeyProvider.openDevelopment(dir);
        SecretKey original = cut.currentDataKey().key();
        byte[] index = cut.indexKey().getEncoded();

        assertEquals(2, cut.rotateDataKey());

        KeyProvider reopened = KeyProvider.openDevelopment(dir);
        assertEquals(2, reopened.currentDataKey().version());
        assertArrayEquals(original.getEncoded(), reopened.dataKey(1).getEncoded());
        assertArrayEquals(index, reopened.indexKey().getEncoded());
        assertFalse(java.util.Arrays.equals(original.getEncoded(), reopened.dataKey(2).getEncoded()));
    }

    @Test
    void unknownVersionsAreRefused() {
        KeyProvider cut = KeyProvider.openDevelopment(dir);

        KeyException failure = assertThrows(KeyException.class, () -> cut.dataKey(99));
        assertTrue(failure.getMessage().startsWith("KeyRing: "));
    }

    @Test
    void keyFilesAreOwnerOnlyAndHoldNoPlaintextKey() throws Exception {
        KeyProvider cut = KeyProvider.openDevelopment(dir);
        Path keys = dir.resolve("keys");
        Path ring = keys.resolve(KeyRing.FILE_NAME);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ring)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve(MasterKey.DEVELOPMENT_FILE_NAME))));
        String sealed = HexFormat.of().formatHex(Files.readAllBytes(ring));
        assertFalse(sealed.contains(HexFormat.of().formatHex(cut.currentDataKey().key().getEncoded())));
        assertFalse(sealed.contains(HexFormat.of().formatHex(cut.indexKey().getEncoded())));
    }

    @Test
    void aRingDoesNotOpenUnderAnotherMasterKey() throws Exception {
        KeyProvider.openDevelopment(dir);
        Files.write(dir.resolve("keys").resolve(MasterKey.DEVELOPMENT_FILE_NAME), new byte[32]);

        KeyException failure = assertThrows(KeyException.class, () -> KeyProvider.openDevelopment(dir));
        assertEquals("KeyRing: key ring does not open under this master key", failure.getMessage());
    }

    @Test
    void aSealingKeyFileIsReadButNeverCreated() throws Exception {
        Path sealing = dir.resolve("_sgx_mrenclave");

        assertThrows(KeyException.class, () -> MasterKey.fromSealingKey(sealing));
        Files.write(sealing, new byte[16]);
        assertEquals(32, MasterKey.fromSealingKey(sealing).getEncoded().length);
        Files.write(sealing, new byte[8]);
        assertThrows(KeyException.class, () -> MasterKey.fromSealingKey(sealing));
    }
}
