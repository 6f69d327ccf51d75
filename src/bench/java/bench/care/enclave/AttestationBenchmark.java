package bench.care.enclave;

import care.enclave.attestation.control.BenchAttestation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Attestation costs on a real SGX quote (../shared/vectors/sgx/phala_sgx_quote.bin, Intel root): quote
 * verification, token issuing (RS256), both together as POST /attest does them, and token verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AttestationBenchmark {

    private BenchAttestation attestation;

    @Setup
    public void setUp() throws Exception {
        attestation = new BenchAttestation(Files.createTempDirectory("bench-attestation"));
    }

    @Benchmark
    public Object verifyQuote() {
        return attestation.verifyQuote();
    }

    @Benchmark
    public String issueToken() {
        return attestation.issueToken();
    }

    @Benchmark
    public String attest() {
        return attestation.attest();
    }

    @Benchmark
    public Object verifyToken() {
        return attestation.verifyToken();
    }
}
