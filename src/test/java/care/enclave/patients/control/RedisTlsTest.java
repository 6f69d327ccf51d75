package care.enclave.patients.control;

import care.enclave.patients.control.PatientsException.StoreUnavailable;
import care.enclave.platform.redis.RedisConnection;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The store over TLS to a real TLS-enabled Redis with an ACL user: a private CA signs the server's
 * certificate for "localhost"; the client trusts only that CA and checks the host name.
 */
class RedisTlsTest {

    @TempDir
    static Path dir;
    static Process redis;
    static int port;

    @BeforeAll
    static void startTlsRedis() throws Exception {
        KeyPair caKeys = ecKeys();
        X509CertificateHolder ca = certificate("CN=Test Redis CA", caKeys, "CN=Test Redis CA", caKeys.getPrivate(), true);
        KeyPair serverKeys = ecKeys();
        X509CertificateHolder server = certificate("CN=localhost", serverKeys, "CN=Test Redis CA", caKeys.getPrivate(), false);
        writePem(dir.resolve("ca.pem"), ca);
        writePem(dir.resolve("server.pem"), server);
        writePem(dir.resolve("server.key"), new JcaPKCS8Generator(serverKeys.getPrivate(), null));

        // The application's user may touch only patient records; the default user is disabled.
        Files.writeString(dir.resolve("users.acl"), "user default off\nuser app on >app-secret ~patient:* +@all\n");
        port = freePort();
        Path binary = ExecutableProvider.newJarResourceProvider(Files.createDirectories(dir.resolve("bin")).toFile())
                .get().toPath();
        redis = new ProcessBuilder(List.of(binary.toString(), "--port", "0", "--tls-port", String.valueOf(port),
                "--bind", "127.0.0.1", "--tls-cert-file", dir.resolve("server.pem").toString(),
                "--tls-key-file", dir.resolve("server.key").toString(),
                "--tls-ca-cert-file", dir.resolve("ca.pem").toString(), "--tls-auth-clients", "no",
                "--aclfile", dir.resolve("users.acl").toString(),
                "--dir", dir.toString(), "--save", ""))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        awaitPort(port);
    }

    @AfterAll
    static void stopRedis() {
        redis.destroy();
    }

    @Test
    void recordsTravelOverTlsWithAnAclUser() {
        RedisConnection connection = TestRedis.connect("rediss://app:app-secret@localhost:" + port,
                Optional.of(dir.resolve("ca.pem").toString()), dir);
        try {
            PatientStore store = TestRedis.store(connection, dir);
            var patient = PatientStoreRedisTest.patient("tls-1", "TLS-0001");

            store.create(patient);

            assertEquals(patient, store.find("tls-1").orElseThrow());
        } finally {
            connection.close();
        }
    }

    @Test
    void aServerOutsideTheConfiguredCaIsRefused() {
        RedisConnection connection = TestRedis.connect("rediss://app:app-secret@localhost:" + port, Optional.empty(), dir);
        try {
            assertThrows(StoreUnavailable.class, () -> TestRedis.store(connection, dir).find("tls-1"));
        } finally {
            connection.close();
        }
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() {
        RedisConnection connection = TestRedis.connect("rediss://app:app-secret@127.0.0.1:" + port,
                Optional.of(dir.resolve("ca.pem").toString()), dir);
        try {
            assertThrows(StoreUnavailable.class, () -> TestRedis.store(connection, dir).find("tls-1"));
        } finally {
            connection.close();
        }
    }

    @Test
    void aWrongAclPasswordIsRefused() {
        RedisConnection connection = TestRedis.connect("rediss://app:wrong@localhost:" + port,
                Optional.of(dir.resolve("ca.pem").toString()), dir);
        try {
            assertThrows(StoreUnavailable.class, () -> TestRedis.store(connection, dir).find("tls-1"));
        } finally {
            connection.close();
        }
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder certificate(String subject, KeyPair keys, String issuer, PrivateKey signer,
                                                     boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer));
    }

    private static void writePem(Path file, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        Files.writeString(file, text.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException("TLS Redis did not start: " + Files.readString(dir.resolve("redis.log")));
    }
}
