package care.enclave.audit.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditUnavailable;
import care.enclave.audit.control.AuditChain.Draft;
import care.enclave.audit.control.ChainVerifier.Verification;
import care.enclave.audit.entity.Actor;
import care.enclave.platform.keys.KeyProvider;
import care.enclave.platform.keys.SealingKeys;
import care.enclave.platform.redis.EmbeddedRedis;
import care.enclave.platform.redis.RedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ListPosition;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trail against a real Redis (the embedded server) over a real connection: what one writer or several
 * write verifies, and every way of altering the stored trail directly in Redis is detected.
 */
class AuditTrailRedisTest {

    @TempDir
    static Path dir;
    static EmbeddedRedis redis;
    static RedisConnection connection;
    static AuditKeys keys;
    static AuditLog log;
    ChainWriter writer;
    AuditReader reader;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = EmbeddedRedis.start(dir.resolve("redis"));
        connection = RedisConnection.connect("redis://:" + redis.password() + "@127.0.0.1:" + redis.port(),
                Optional.empty(), 1000, 16, dir);
        keys = AuditKeys.of(SealingKeys.openDevelopment(dir));
        log = AuditLog.over(connection);
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        redis.stop();
    }

    @BeforeEach
    void emptyTrail() {
        client().del(AuditLog.LOG, AuditLog.HEAD);
        writer = ChainWriter.over(log, keys, Clock.systemUTC());
        reader = AuditReader.over(log, keys, writer);
    }

    static RedisClient client() {
        return connection.client();
    }

    static Draft draft(int n) {
        return new Draft(new Actor("staff", "clerk"), "PATIENT_READ", keys.subjectOf("id-" + n), "", "SUCCESS", "", "c-" + n);
    }

    void write(int count) {
        for (int i = 1; i <= count; i++) {
            writer.write(draft(i));
        }
    }

    static byte[] stored(long position) {
        return client().lindex(AuditLog.LOG, position - 1);
    }

    static void assertBroken(Verification result, long seq, String problem) {
        assertFalse(result.ok(), result.toString());
        assertEquals(seq, result.firstBreak().orElseThrow().seq(), result.toString());
        assertEquals(problem, result.firstBreak().orElseThrow().problem());
    }

    @Test
    void writtenEntriesVerifyAndReadBackInOrder() {
        write(5);

        Verification result = reader.verify();
        assertTrue(result.ok(), result.toString());
        assertEquals(5, result.entries());
        assertEquals(5, result.head().orElseThrow().seq());
        assertEquals(List.of(3L, 4L), reader.page(2, 2).stream().map(s -> s.entry().orElseThrow().seq()).toList());
        assertEquals("c-4", reader.page(3, 1).get(0).entry().orElseThrow().correlation());
        assertTrue(reader.page(5, 10).isEmpty());
    }

    @Test
    void redisHoldsOnlySealedEntries() {
        write(3);

        for (byte[] value : client().lrange(AuditLog.LOG, 0, -1)) {
            String text = new String(value, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("clerk") || text.contains("PATIENT_READ") || text.contains(keys.subjectOf("id-1")));
        }
    }

    @Test
    void anEditedEntryIsDetected() {
        write(5);
        byte[] edited = stored(3);
        edited[edited.length - 5] ^= 0x01;
        client().lset(AuditLog.LOG, 2, edited);

        assertBroken(reader.verify(), 3, "entry-unreadable");
    }

    @Test
    void aDeletedEntryIsDetected() {
        write(5);
        client().lrem(AuditLog.LOG, 1, stored(3));

        assertBroken(reader.verify(), 3, "out-of-sequence");
    }

    @Test
    void reorderedEntriesAreDetected() {
        write(5);
        byte[] second = stored(2);
        byte[] fourth = stored(4);
        client().lset(AuditLog.LOG, 1, fourth);
        client().lset(AuditLog.LOG, 3, second);

        assertBroken(reader.verify(), 2, "out-of-sequence");
    }

    @Test
    void anInsertedCopyOfAnEntryIsDetected() {
        write(5);
        client().linsert(AuditLog.LOG, ListPosition.BEFORE, stored(3), stored(1));

        assertBroken(reader.verify(), 3, "out-of-sequence");
    }

    @Test
    void aCutOffTailIsDetectedByTheHead() {
        write(5);
        client().rpop(AuditLog.LOG);

        assertBroken(reader.verify(), 5, "tail-missing");
    }

    @Test
    void aRollbackToAnOlderHeadIsDetectedByTheReplicaThatWroteLater() {
        write(3);
        byte[] olderHead = client().get(AuditLog.HEAD);
        write(2);
        client().rpop(AuditLog.LOG, 2);
        client().set(AuditLog.HEAD, olderHead);

        assertBroken(reader.verify(), 4, "tail-missing");
    }

    @Test
    void aDeletedHeadIsRecoveredFromAndTheRecoveryStaysVisible() {
        write(5);
        client().del(AuditLog.HEAD);
        ChainWriter restarted = ChainWriter.over(log, keys, Clock.systemUTC());

        restarted.write(draft(6));
        restarted.write(draft(7));

        Verification result = AuditReader.over(log, keys, restarted).verify();
        assertBroken(result, 6, "recovered-after-head-missing");
        assertEquals(8, result.entries());
        assertEquals(Action.AUDIT_CHAIN_RECOVERED.name(), reader.page(5, 1).get(0).entry().orElseThrow().action());
        assertEquals(8, result.head().orElseThrow().seq(), "the chain goes on after the recovery");
    }

    @Test
    void aReplacedHeadMakesTheRunningWriterRecover() {
        write(3);
        client().set(AuditLog.HEAD, "forged".getBytes(StandardCharsets.US_ASCII));

        writer.write(draft(4));

        assertBroken(reader.verify(), 4, "recovered-after-head-unreadable");
        assertEquals(5, reader.verify().entries());
    }

    @Test
    void concurrentWritersOnThreeReplicasExtendOneChain() throws Exception {
        List<ChainWriter> replicas = List.of(writer, ChainWriter.over(log, keys, Clock.systemUTC()),
                ChainWriter.over(log, keys, Clock.systemUTC()));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            ChainWriter replica = replicas.get(t % 3);
            done.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    replica.write(draft(i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        Verification result = reader.verify();
        assertTrue(result.ok(), result.toString());
        assertEquals(600, result.entries());
    }

    /**
     * Many requests on one replica: every entry is written once, in one chain, and they share appends
     * (group commit) instead of taking one Redis round trip each.
     */
    @Test
    void manyConcurrentCallersOnOneReplicaShareAppends() throws Exception {
        long appendsBefore = evalCalls();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            int caller = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    writer.write(draft(caller * 100 + i));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long appends = evalCalls() - appendsBefore;

        Verification result = reader.verify();
        assertTrue(result.ok(), result.toString());
        assertEquals(1280, result.entries());
        for (int caller : List.of(0, 31, 63)) {
            assertEquals(20, java.util.stream.IntStream.range(0, 20)
                    .filter(i -> reader.lookup("id-" + (caller * 100 + i)).size() == 1).count());
        }
        assertTrue(appends < 1280, "1,280 entries in " + appends + " appends");
    }

    private static long evalCalls() {
        String stats = client().info("commandstats");
        java.util.regex.Matcher calls = java.util.regex.Pattern.compile("cmdstat_eval:calls=(\\d+)").matcher(stats);
        return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    }

    @Test
    void lookupFindsExactlyTheEntriesNamingTheRecord() {
        write(4);
        writer.write(draft(2));

        assertEquals(List.of(2L, 5L), reader.lookup("id-2").stream().map(e -> e.seq()).toList());
        assertTrue(reader.lookup("id-9").isEmpty());
    }

    @Test
    void subjectsAreKeyedHashesUnlinkableToTheRedisIndexKeys() throws Exception {
        String id = "patient_3";
        String subject = keys.subjectOf(id);
        Mac index = Mac.getInstance("HmacSHA256");
        index.init(KeyProvider.openDevelopment(dir).indexKey());
        String indexDigest = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(index.doFinal(("patient-id:" + id).getBytes(StandardCharsets.UTF_8)));

        assertEquals(43, subject.length());
        assertFalse(subject.contains(id));
        assertEquals(subject, keys.subjectOf(id), "stable, so an auditor can follow one record");
        assertNotEquals(subject, keys.subjectOf("patient_4"));
        assertNotEquals(indexDigest, subject);
        assertNotEquals(subject, AuditKeys.of(SealingKeys.openDevelopment(dir.resolve("elsewhere"))).subjectOf(id),
                "another master key, another hash");
    }

    @Test
    void whenRedisIsUnreachableSuccessFailsClosedAndRefusalsAreCountedLost() {
        RedisConnection nowhere = RedisConnection.connect("redis://127.0.0.1:1", Optional.empty(), 500, 2, dir);
        try {
            AuditRecorder recorder = new AuditRecorder();
            recorder.writer = ChainWriter.over(AuditLog.over(nowhere), keys, Clock.systemUTC());
            recorder.keys = keys;
            Actor clerk = new Actor("staff", "clerk");

            assertThrows(AuditUnavailable.class,
                    () -> recorder.record(AuditEvent.success(Action.PATIENT_READ).onRecord("x"), clerk, ""));
            recorder.record(AuditEvent.failure(Action.PATIENT_READ, "NOT_FOUND").onRecord("x"), clerk, "");
            recorder.record(AuditEvent.denied(Action.ACCESS, "role-not-allowed"), clerk, "");

            assertEquals(2, recorder.writer.lostSinceStart());
        } finally {
            nowhere.close();
        }
    }

    @Test
    void theRecorderStoresTheKeyedHashNeverTheId() {
        AuditRecorder recorder = new AuditRecorder();
        recorder.writer = writer;
        recorder.keys = keys;

        recorder.record(AuditEvent.success(Action.PATIENT_CREATE).onRecord("123-22-2345"), new Actor("staff", "clerk"), "c1");

        var entry = reader.page(0, 1).get(0).entry().orElseThrow();
        assertEquals(keys.subjectOf("123-22-2345"), entry.subject());
        assertFalse(AuditCodec.json(entry).toString().contains("123-22-2345"));
        assertArrayEquals(new byte[32], entry.prev());
    }
}
