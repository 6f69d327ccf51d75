package care.enclave.patients.control;

import care.enclave.patients.control.PatientsException.StoreUnavailable;
import care.enclave.platform.redis.RedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.core.ExecutableProvider;

import java.nio.file.Files;
import java.nio.file.Path;
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
        TestTls.writeCaAndServer(dir, "localhost");

        // The application's user may touch only patient records; the default user is disabled.
        Files.writeString(dir.resolve("users.acl"), "user default off\nuser app on >app-secret ~patient:* +@all\n");
        port = TestTls.freePort();
        Path binary = ExecutableProvider.newJarResourceProvider(Files.createDirectories(dir.resolve("bin")).toFile())
                .get().toPath();
        redis = new ProcessBuilder(List.of(binary.toString(), "--port", "0", "--tls-port", String.valueOf(port),
                "--bind", "127.0.0.1", "--tls-cert-file", dir.resolve("server.crt").toString(),
                "--tls-key-file", dir.resolve("server.key").toString(),
                "--tls-ca-cert-file", dir.resolve("ca.crt").toString(), "--tls-auth-clients", "no",
                "--aclfile", dir.resolve("users.acl").toString(),
                "--dir", dir.toString(), "--save", ""))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        TestTls.awaitPort(port, dir.resolve("redis.log"));
    }

    @AfterAll
    static void stopRedis() {
        redis.destroy();
    }

    @Test
    void recordsTravelOverTlsWithAnAclUser() {
        RedisConnection connection = TestRedis.connect("rediss://app:app-secret@localhost:" + port,
                Optional.of(dir.resolve("ca.crt").toString()), dir);
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
                Optional.of(dir.resolve("ca.crt").toString()), dir);
        try {
            assertThrows(StoreUnavailable.class, () -> TestRedis.store(connection, dir).find("tls-1"));
        } finally {
            connection.close();
        }
    }

    @Test
    void aWrongAclPasswordIsRefused() {
        RedisConnection connection = TestRedis.connect("rediss://app:wrong@localhost:" + port,
                Optional.of(dir.resolve("ca.crt").toString()), dir);
        try {
            assertThrows(StoreUnavailable.class, () -> TestRedis.store(connection, dir).find("tls-1"));
        } finally {
            connection.close();
        }
    }
}
