package care.enclave.patients.control;

import care.enclave.platform.redis.RedisConnection;
import care.enclave.platform.redis.TrustedCa;

import care.enclave.deployment.K8s;
import care.enclave.deployment.Manifests;
import care.enclave.patients.control.PatientsException.StoreUnavailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis of manifests/ as deployed: its redis.conf (ConfigMap) and the users of users.acl.example run
 * by a real redis-server (the embedded-redis binary, 6.2) over TLS, with only the paths and the port
 * moved into a temporary folder. The platform's own client stores and reads records through it; the
 * ACL refuses everything else.
 */
class RedisManifestTest {

    static final String PLATFORM_PASSWORD = "platform-" + HexFormat.of().formatHex(new byte[]{1, 2, 3, 4});
    static final String HEALTHCHECK_PASSWORD = "healthcheck-" + HexFormat.of().formatHex(new byte[]{5, 6, 7, 8});

    @TempDir
    static Path dir;
    static Process redis;
    static int port;

    @BeforeAll
    static void startTheManifestsRedis() throws Exception {
        TestTls.writeCaAndServer(dir, "localhost");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("users.acl"), acl());
        port = TestTls.freePort();
        Files.writeString(dir.resolve("redis.conf"), redisConf());
        Path binary = ExecutableProvider.newJarResourceProvider(Files.createDirectories(dir.resolve("bin")).toFile()).get().toPath();
        redis = new ProcessBuilder(List.of(binary.toString(), dir.resolve("redis.conf").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        TestTls.awaitPort(port, dir.resolve("redis.log"));
    }

    @AfterAll
    static void stopRedis() {
        redis.destroy();
    }

    @Test
    void thePlatformStoresAndReadsRecordsAsItsAclUserOverTls() {
        RedisConnection connection = connect("enclave-care", PLATFORM_PASSWORD);
        try {
            PatientStore store = TestRedis.store(connection, dir);
            var patient = PatientStoreRedisTest.patient("manifest-1", "MANIFEST-0001");

            store.create(patient);

            assertEquals(patient, store.find("manifest-1").orElseThrow());
            assertTrue(Files.exists(dir.resolve("data")) && appendOnlyBytes() > 0, "the record is in the append-only file");
        } finally {
            connection.close();
        }
    }

    @Test
    void thePlatformsUserCanTouchNothingButPatientRecords() {
        try (Jedis jedis = jedis("enclave-care", PLATFORM_PASSWORD)) {
            assertThrows(JedisDataException.class, () -> jedis.set("config:other", "x"), "a key outside patient:*");
            assertThrows(JedisDataException.class, () -> jedis.keys("*"), "KEYS");
            assertThrows(JedisDataException.class, jedis::flushAll, "FLUSHALL");
            assertThrows(JedisDataException.class, () -> jedis.configGet("*"), "CONFIG");
            assertThrows(JedisDataException.class, () -> jedis.del("patient:x"), "DEL: records are never deleted");
        }
    }

    @Test
    void theHealthCheckUserMayOnlyPing() {
        try (Jedis jedis = jedis("healthcheck", HEALTHCHECK_PASSWORD)) {
            assertEquals("PONG", jedis.ping());
            assertThrows(JedisDataException.class, () -> jedis.get("patient:x"));
        }
    }

    @Test
    void theDefaultUserAndWrongPasswordsAreRefused() {
        assertThrows(JedisAccessControlException.class, () -> jedis("default", "any-password").close());
        RedisConnection wrong = connect("enclave-care", "wrong");
        try {
            assertThrows(StoreUnavailable.class, () -> TestRedis.store(wrong, dir).find("manifest-1"));
        } finally {
            wrong.close();
        }
    }

    @Test
    void aCrashOfTheProcessOrTheNodeLosesNoAcknowledgedWrite() {
        String conf = redisConf();
        assertTrue(conf.contains("\nappendonly yes\n") && conf.contains("\nappendfsync always\n"), "AOF, fsync before each reply");
        assertTrue(conf.contains("\nmaxmemory-policy noeviction\n"), "records are never evicted");
        assertTrue(conf.contains("\nport 0\n"), "no plain-text port");
    }

    private static RedisConnection connect(String user, String password) {
        return TestRedis.connect("rediss://" + user + ":" + password + "@localhost:" + port,
                Optional.of(dir.resolve("ca.crt").toString()), dir);
    }

    private static Jedis jedis(String user, String password) {
        Jedis jedis = new Jedis(new HostAndPort("localhost", port), DefaultJedisClientConfig.builder().ssl(true)
                .sslSocketFactory(TrustedCa.socketFactory(dir.resolve("ca.crt"))).user(user).password(password).build());
        jedis.ping();
        return jedis;
    }

    /** The ConfigMap's redis.conf with the container paths and the port moved to this test's folder. */
    private static String redisConf() {
        K8s config = Manifests.load().get("ConfigMap", "enclave-care", "enclave-care-redis-config");
        String conf = (String) ((Map<?, ?>) config.body().get("data")).get("redis.conf");
        return conf.replace("/tls/tls.crt", dir.resolve("server.crt").toString())
                .replace("/tls/tls.key", dir.resolve("server.key").toString())
                .replace("/tls/ca.crt", dir.resolve("ca.crt").toString())
                .replace("/acl/users.acl", dir.resolve("users.acl").toString())
                .replace("\ndir /data\n", "\ndir " + dir.resolve("data") + "\n")
                .replace("\ntls-port 6379\n", "\ntls-port " + port + "\n")
                .replace("\nbind 0.0.0.0\n", "\nbind 127.0.0.1\n");
    }

    /** users.acl.example with each placeholder replaced by the SHA-256 of a test password, as the README says. */
    private static String acl() throws Exception {
        return Files.readString(Manifests.DIR.resolve("enclave-care/users.acl.example"))
                .replace("#<sha256 of the platform's password>", "#" + sha256(PLATFORM_PASSWORD))
                .replace("#<sha256 of the health check's password>", "#" + sha256(HEALTHCHECK_PASSWORD));
    }

    private static String sha256(String password) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private static long appendOnlyBytes() {
        try (var files = Files.walk(dir.resolve("data"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("appendonly")).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
