package care.enclave.patients.control;

import care.enclave.patients.control.PatientsException.RecordUnreadable;
import care.enclave.patients.control.PatientsException.StoreUnavailable;
import care.enclave.patients.entity.Patient;
import care.enclave.patients.entity.PatientData;
import care.enclave.platform.redis.EmbeddedRedis;
import care.enclave.platform.redis.RedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store against a real Redis server (the embedded one), over a real connection. */
class PatientStoreRedisTest {

    @TempDir
    static Path dir;
    static EmbeddedRedis redis;
    static RedisConnection connection;
    static PatientStore cut;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = EmbeddedRedis.start(dir.resolve("redis"));
        connection = TestRedis.connect(redis, dir);
        cut = TestRedis.store(connection, dir);
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        redis.stop();
    }

    static Patient patient(String id, String ssn) {
        PatientData data = PatientValidator.validate(PatientValidatorTest.seed(), PatientValidatorTest.TODAY);
        data = new PatientData(data.fname(), data.lname(), data.address(), data.city(), data.state(), ssn,
                data.email(), data.dob(), data.contactphone(), data.drugallergies(), data.preexistingconditions(),
                data.dateadmitted(), data.insurancedetails());
        return new Patient(id, data, CharlsonScorer.score(data.preexistingconditions(),
                LocalDate.of(2010, 1, 1), LocalDate.of(2010, 1, 5)));
    }

    @Test
    void aRecordReadsBackExactlyAsStored() {
        Patient patient = patient("roundtrip-1", "RT-0001");

        assertTrue(cut.create(patient));
        assertEquals(patient, cut.find("roundtrip-1").orElseThrow());
        assertTrue(cut.find("never-stored").isEmpty());
    }

    @Test
    void anExistingRecordIsNeverOverwritten() {
        assertTrue(cut.create(patient("dup-1", "DUP-0001")));
        assertFalse(cut.create(patient("dup-1", "DUP-0002")));

        assertEquals("DUP-0001", cut.find("dup-1").orElseThrow().data().ssn());
    }

    @Test
    void concurrentCreatesOfOneIdHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String ssn = "RACE-" + (1000 + i);
                attempts.add(() -> cut.create(patient("race-1", ssn)));
            }
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void redisHoldsNeitherIdsNorFieldValues() {
        cut.create(patient("leak-check-77", "LEAK-7777"));
        RedisClient client = connection.client();

        List<String> seen = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<byte[]> page = client.scan(cursor.getBytes(), new ScanParams().count(100));
            for (byte[] key : page.getResult()) {
                seen.add(new String(key, StandardCharsets.ISO_8859_1));
                seen.add(new String(client.get(key), StandardCharsets.ISO_8859_1));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));

        assertFalse(seen.isEmpty());
        for (String needle : List.of("leak-check-77", "LEAK-7777", "Jane", "Richmond", "nr@aaa.com", "diabetes",
                "Penicillin", "01/01/2010")) {
            assertTrue(seen.stream().noneMatch(s -> s.contains(needle)), needle);
        }
        assertTrue(seen.stream().filter(s -> s.startsWith("patient:")).allMatch(s -> s.length() == 8 + 43));
    }

    @Test
    void aTamperedRecordIsRefusedNotReturned() {
        cut.create(patient("tamper-1", "TAMP-0001"));
        byte[] key = cut.redisKey("tamper-1");
        byte[] value = connection.client().get(key);
        value[value.length - 5] ^= 0x40;
        connection.client().set(key, value);

        assertThrows(RecordUnreadable.class, () -> cut.find("tamper-1"));
    }

    @Test
    void aRecordCopiedUnderAnotherIdDoesNotOpen() {
        cut.create(patient("original-1", "ORIG-0001"));
        connection.client().set(cut.redisKey("impostor-1"), connection.client().get(cut.redisKey("original-1")));

        assertThrows(RecordUnreadable.class, () -> cut.find("impostor-1"));
    }

    @Test
    void recordsSealedBeforeAKeyRotationStillOpen() {
        Patient before = patient("rotate-1", "ROT-0001");
        cut.create(before);
        int version = cut.keys.rotateDataKey();
        Patient after = patient("rotate-2", "ROT-0002");
        cut.create(after);

        assertEquals(before, cut.find("rotate-1").orElseThrow());
        assertEquals(after, cut.find("rotate-2").orElseThrow());
        assertEquals(version, care.enclave.platform.crypto.Envelope.keyVersion(
                connection.client().get(cut.redisKey("rotate-2"))));
    }

    @Test
    void anUnreachableRedisIsReportedPromptlyAsUnavailable() {
        RedisConnection nowhere = TestRedis.connect("redis://127.0.0.1:1", java.util.Optional.empty(), dir);
        PatientStore store = TestRedis.store(nowhere, dir);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThrows(StoreUnavailable.class, () -> store.find("any"));
            assertThrows(StoreUnavailable.class, () -> store.create(patient("any", "ANY-0001")));
        });
        nowhere.close();
    }
}
