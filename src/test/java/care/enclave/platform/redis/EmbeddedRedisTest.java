package care.enclave.platform.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedRedisTest {

    @TempDir
    Path dir;

    private static RedisClient client(EmbeddedRedis redis, String password) {
        return RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", redis.port()))
                .clientConfig(DefaultJedisClientConfig.builder().password(password).timeoutMillis(1000).build())
                .build();
    }

    @Test
    void aKilledServerIsRestartedOnItsPortWithItsData() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(dir);
        try (RedisClient client = client(redis, redis.password())) {
            client.set("k", "acknowledged");
            long firstPid = redis.pid();

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

            String value = awaitValue(client, Duration.ofSeconds(15));
            assertEquals("acknowledged", value);
            assertNotEquals(firstPid, redis.pid());
        } finally {
            redis.stop();
        }
    }

    @Test
    void theServerRequiresItsPasswordAndPersistsToAnAppendOnlyFile() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(dir);
        try (RedisClient wrong = client(redis, "not-the-password")) {
            assertThrows(JedisException.class, () -> wrong.get("k"));
            String config = Files.readString(dir.resolve("redis.conf"));
            assertTrue(config.contains("appendonly yes"));
            try (RedisClient client = client(redis, redis.password())) {
                assertEquals("yes", client.configGet("appendonly").get("appendonly"));
                assertEquals("always", client.configGet("appendfsync").get("appendfsync"),
                        "acknowledged writes are fsync'ed before the reply");
            }
            assertTrue(config.contains("bind 127.0.0.1"));
        } finally {
            redis.stop();
        }
    }

    @Test
    void aStaleServerFromAKilledPlatformIsStoppedBeforeANewStart() throws Exception {
        EmbeddedRedis first = EmbeddedRedis.start(dir);
        first.stop();
        // What a platform killed with SIGKILL leaves behind: its Redis, still running on the same files.
        Path binary = Files.list(dir.resolve("bin")).findFirst().orElseThrow();
        Process orphan = new ProcessBuilder(binary.toString(), dir.resolve("redis.conf").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitFile(dir.resolve("redis.pid"));

        EmbeddedRedis second = EmbeddedRedis.start(dir);
        try {
            assertTrue(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            try (RedisClient client = client(second, second.password())) {
                assertEquals("PONG", client.ping());
            }
        } finally {
            second.stop();
            orphan.destroyForcibly();
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(file); i++) {
            Thread.sleep(25);
        }
    }

    private static String awaitValue(RedisClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return client.get("k");
            } catch (JedisException stillDown) {
                if (System.nanoTime() > deadline) {
                    throw stillDown;
                }
                Thread.sleep(100);
            }
        }
    }
}
