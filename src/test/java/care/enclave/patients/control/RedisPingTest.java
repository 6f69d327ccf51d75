package care.enclave.patients.control;

import care.enclave.platform.redis.RedisConnection;

import care.enclave.platform.redis.EmbeddedRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readiness probe's PING against a real Redis: answered, frozen (bounded wait), gone, and back. */
class RedisPingTest {

    @TempDir
    Path dir;

    private static void signal(String signal, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor());
    }

    @Test
    void aRunningRedisAnswers() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(dir.resolve("redis"));
        RedisConnection cut = TestRedis.connect(redis, dir);
        try {
            RedisConnection.Ping ping = cut.ping();

            assertTrue(ping.answered(), ping.reason());
            assertTrue(ping.reason().startsWith("answered PING in "), ping.reason());
        } finally {
            cut.close();
            redis.stop();
        }
    }

    @Test
    void aFrozenRedisIsReportedWithinTheProbeTimeoutAndRecovers() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(dir.resolve("redis"));
        RedisConnection cut = TestRedis.connect(redis, dir);
        try {
            assertTrue(cut.ping().answered());
            signal("STOP", redis.pid());
            long start = System.nanoTime();
            RedisConnection.Ping frozen;
            try {
                frozen = cut.ping();
            } finally {
                signal("CONT", redis.pid());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertFalse(frozen.answered());
            assertTrue(took.toMillis() < 2 * 500 + 500, "waited " + took); // TestRedis connects with a 500 ms probe timeout
            assertTrue(cut.ping().answered(), "answers again once Redis runs");
        } finally {
            cut.close();
            redis.stop();
        }
    }

    @Test
    void aStoppedRedisIsNotAnsweringAndTheReasonNamesNoHostOrPassword() throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(dir.resolve("redis"));
        RedisConnection cut = TestRedis.connect(redis, dir);
        redis.stop();
        try {
            RedisConnection.Ping ping = cut.ping();

            assertFalse(ping.answered());
            assertFalse(ping.reason().contains(String.valueOf(redis.port())), ping.reason());
            assertFalse(ping.reason().contains(redis.password()), ping.reason());
        } finally {
            cut.close();
        }
    }
}
