package care.enclave.platform.enclave;

import care.enclave.platform.keys.KeyException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated platform is generated once, kept sealed under the key-encryption key, and says what it is. */
class SimulatedSgxPlatformTest {

    @TempDir
    Path dir;
    SecretKey kek = kek();

    @Test
    void aSecondLoadReadsTheSameRootAndKeysFromDisk() {
        SimulatedSgxPlatform first = SimulatedSgxPlatform.loadOrCreate(dir, kek);

        SimulatedSgxPlatform second = SimulatedSgxPlatform.loadOrCreate(dir, kek);

        assertEquals(pin(first.rootPublicKey()), pin(second.rootPublicKey()));
        assertArrayEquals(first.mrSigner(), second.mrSigner());
        assertEquals(first.attestationKeys().getPublic(), second.attestationKeys().getPublic());
        assertArrayEquals(first.pckKey().getEncoded(), second.pckKey().getEncoded());
        byte[] quote = new SimulatedEvidenceProvider(second, new byte[32], 1, 1)
                .quote(new byte[64]);
        assertTrue(new care.enclave.attestation.control.QuoteVerifier(care.enclave.attestation.control.TrustedRoots.intelAndSimulated(first.rootPublicKey()), java.time.Clock.systemUTC()).verify(quote, null).simulated());
    }

    @Test
    void installationsDifferAndMrSignerIsTheSigningKeysHash(@TempDir Path otherDir) {
        SimulatedSgxPlatform one = SimulatedSgxPlatform.loadOrCreate(dir, kek);
        SimulatedSgxPlatform other = SimulatedSgxPlatform.loadOrCreate(otherDir, kek);

        assertNotEquals(pin(one.rootPublicKey()), pin(other.rootPublicKey()));
        assertFalse(java.util.Arrays.equals(one.mrSigner(), other.mrSigner()));
        assertEquals(32, one.mrSigner().length);
    }

    @Test
    void filesAreOwnerOnlyAndHoldNoPlaintextPrivateKey() throws IOException {
        SimulatedSgxPlatform platform = SimulatedSgxPlatform.loadOrCreate(dir, kek);
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "SKIPPED: no POSIX permissions");
        List<byte[]> secrets = List.of(platform.pckKey().getEncoded(), platform.attestationKeys().getPrivate().getEncoded(),
                scalar((ECPrivateKey) platform.pckKey()), scalar((ECPrivateKey) platform.attestationKeys().getPrivate()));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(Set.of(SimulatedSgxPlatform.CHAIN_FILE, SimulatedSgxPlatform.PCK_KEY_FILE,
                SimulatedSgxPlatform.ATTESTATION_KEY_FILE, SimulatedSgxPlatform.SIGNING_KEY_FILE), fileNames());
        for (Path file : files()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
            byte[] content = Files.readAllBytes(file);
            assertFalse(new String(content, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY"), file.toString());
            for (byte[] secret : secrets) {
                assertEquals(-1, indexOf(content, secret), file.toString());
            }
        }
    }

    @Test
    void theChainIsAnEcCaHierarchyNamedSimulatedAndNotIntel() throws Exception {
        SimulatedSgxPlatform platform = SimulatedSgxPlatform.loadOrCreate(dir, kek);

        List<X509Certificate> chain = Quotes.certificates(platform.chainPem());

        assertEquals(3, chain.size());
        X509Certificate root = chain.get(2);
        assertEquals("CN=Simulated SGX Root CA (development only\\, NOT Intel),"
                + "O=Enclave Care simulated SGX platform (development only\\, NOT Intel)", root.getSubjectX500Principal().getName());
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        root.verify(root.getPublicKey());
        assertEquals(root.getPublicKey(), platform.rootPublicKey());
        assertTrue(root.getBasicConstraints() >= 0);
        assertEquals(0, chain.get(1).getBasicConstraints());
        assertEquals(-1, chain.get(0).getBasicConstraints());
        for (X509Certificate certificate : chain) {
            assertEquals("EC", certificate.getPublicKey().getAlgorithm());
            assertTrue(certificate.getSubjectX500Principal().getName().contains("NOT Intel"));
        }
    }

    @Test
    void anotherKeyEncryptionKeyFailsToLoadWithAFixedMessage() {
        SimulatedSgxPlatform.loadOrCreate(dir, kek);

        KeyException failure = assertThrows(KeyException.class,
                () -> SimulatedSgxPlatform.loadOrCreate(dir, kek()));
        assertEquals("SimulatedSgxPlatform: the sealed keys do not open under this key-encryption key"
                + " with this certificate chain", failure.getMessage());
        assertEquals(null, failure.getCause());
    }

    @Test
    void aReplacedCertificateChainFailsToLoad(@TempDir Path otherDir) throws IOException {
        SimulatedSgxPlatform.loadOrCreate(dir, kek);
        SimulatedSgxPlatform.loadOrCreate(otherDir, kek);
        Files.copy(otherDir.resolve(SimulatedSgxPlatform.CHAIN_FILE), dir.resolve(SimulatedSgxPlatform.CHAIN_FILE),
                StandardCopyOption.REPLACE_EXISTING);

        assertThrows(KeyException.class, () -> SimulatedSgxPlatform.loadOrCreate(dir, kek));
    }

    @Test
    void aSwappedKeyFileFailsToLoad() throws IOException {
        SimulatedSgxPlatform.loadOrCreate(dir, kek);
        Files.copy(dir.resolve(SimulatedSgxPlatform.ATTESTATION_KEY_FILE), dir.resolve(SimulatedSgxPlatform.PCK_KEY_FILE),
                StandardCopyOption.REPLACE_EXISTING);

        assertThrows(KeyException.class, () -> SimulatedSgxPlatform.loadOrCreate(dir, kek));
    }

    @Test
    void aMissingKeyFileFailsToLoadRatherThanRegenerating() throws IOException {
        SimulatedSgxPlatform.loadOrCreate(dir, kek);
        Files.delete(dir.resolve(SimulatedSgxPlatform.SIGNING_KEY_FILE));

        KeyException failure = assertThrows(KeyException.class, () -> SimulatedSgxPlatform.loadOrCreate(dir, kek));
        assertEquals("SimulatedSgxPlatform: platform files are missing or unreadable", failure.getMessage());
    }

    private static byte[] scalar(ECPrivateKey key) {
        byte[] s = key.getS().toByteArray();
        return java.util.Arrays.copyOfRange(s, Math.max(0, s.length - 32), s.length);
    }

    private Set<String> fileNames() throws IOException {
        return files().stream().map(file -> file.getFileName().toString()).collect(Collectors.toSet());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    static SecretKey kek() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return new javax.crypto.spec.SecretKeySpec(key, "AES");
    }

    static String pin(java.security.PublicKey key) {
        return java.util.HexFormat.of().formatHex(Quotes.sha256(key.getEncoded()));
    }

    static int indexOf(byte[] data, byte[] needle) {
        for (int i = 0; i <= data.length - needle.length; i++) {
            if (java.util.Arrays.equals(java.util.Arrays.copyOfRange(data, i, i + needle.length), needle)) {
                return i;
            }
        }
        return -1;
    }
}
