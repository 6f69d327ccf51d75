package bench.care.enclave;

import care.enclave.patients.control.BenchPatients;
import care.enclave.patients.entity.Patient;
import care.enclave.platform.crypto.Envelope;
import care.enclave.platform.keys.DataKey;
import care.enclave.platform.keys.KeyProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Record encryption as {@code PatientStore} does it, per record: AES-256-GCM seal and open of the seed's
 * record (its JSON) bound to its Redis key, and the HMAC that derives that key from the id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordCryptoBenchmark {

    private DataKey dataKey;
    private byte[] plaintext;
    private byte[] context;
    private byte[] envelope;
    private BenchPatients.KeyOnly index;
    private Patient patient;

    @Setup
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("bench-crypto");
        KeyProvider keys = KeyProvider.openDevelopment(dir);
        dataKey = keys.currentDataKey();
        patient = BenchPatients.patient("bench-record-1");
        plaintext = BenchPatients.recordJson(patient);
        index = new BenchPatients.KeyOnly(keys);
        context = index.redisKey("bench-record-1");
        envelope = Envelope.seal(dataKey.key(), dataKey.version(), plaintext, context);
    }

    @Benchmark
    public byte[] seal() {
        return Envelope.seal(dataKey.key(), dataKey.version(), plaintext, context);
    }

    @Benchmark
    public byte[] open() {
        return Envelope.open(dataKey.key(), envelope, context);
    }

    @Benchmark
    public byte[] indexKey() {
        return index.redisKey("bench-record-1");
    }

    /** The record's JSON, what a write serialises before sealing. */
    @Benchmark
    public byte[] recordJson() {
        return BenchPatients.recordJson(patient);
    }

    /** Validating the seed's form and scoring it, as an intake does before storing. */
    @Benchmark
    public Patient validateAndScore() {
        return BenchPatients.patient("bench-record-1");
    }
}
