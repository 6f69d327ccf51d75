package bench.care.enclave;

import care.enclave.patients.control.BenchPatients;
import care.enclave.patients.entity.Patient;
import care.enclave.platform.crypto.Envelope;
import care.enclave.platform.redis.EmbeddedRedis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Redis round trip alone (bare Jedis {@code SET NX} and {@code GET} of a record-sized value through the
 * store's own pooled client) against the full {@code PatientStore} write and read (JSON, HMAC key, AES-GCM,
 * the same round trip), on a real redis-server (the embedded one the platform runs). The runner repeats it
 * at 1, 8 and 64 threads, the HTTP scenarios' connection counts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisBenchmark {

    private static final int EXISTING = 1000;

    private EmbeddedRedis redis;
    private BenchPatients patients;
    private byte[] value;
    private final AtomicLong next = new AtomicLong();
    private Patient template;

    @Setup
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("bench-redis");
        redis = EmbeddedRedis.start(dir.resolve("redis"));
        patients = new BenchPatients(redis, dir);
        template = BenchPatients.patient("bench-template");
        var dataKey = patients.keys().currentDataKey();
        byte[] key = patients.redisKey("bench-template");
        value = Envelope.seal(dataKey.key(), dataKey.version(), BenchPatients.recordJson(template), key);
        for (int i = 0; i < EXISTING; i++) {
            patients.client().set(bareKey("existing-" + i), value);
            patients.store().create(new Patient("existing-" + i, template.data(), template.risk()));
        }
    }

    @TearDown
    public void tearDown() {
        patients.close();
        redis.stop();
    }

    @Benchmark
    public String bareSet() {
        return patients.client().set(bareKey("new-" + next.incrementAndGet()), value, SetParams.setParams().nx());
    }

    @Benchmark
    public byte[] bareGet() {
        return patients.client().get(bareKey("existing-" + ThreadLocalRandom.current().nextInt(EXISTING)));
    }

    @Benchmark
    public boolean storeCreate() {
        return patients.store().create(new Patient("new-" + next.incrementAndGet(), template.data(), template.risk()));
    }

    @Benchmark
    public Object storeFind() {
        return patients.store().find("existing-" + ThreadLocalRandom.current().nextInt(EXISTING)).orElseThrow();
    }

    private static byte[] bareKey(String id) {
        return ("bare:" + id).getBytes(StandardCharsets.US_ASCII);
    }
}
