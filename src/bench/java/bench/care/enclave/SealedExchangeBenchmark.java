package bench.care.enclave;

import care.enclave.diagnostics.control.PreparedSlice;
import care.enclave.platform.crypto.SealedExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

/**
 * The confidential-inference envelope for one MRI slice: the 1 x 3 x 256 x 256 float tensor as the KServe
 * JSON the platform sends (about 2 MB), HPKE-sealed to the provider's key and opened by the provider, plus
 * building that JSON, and the sealed answer (the 256 x 256 probability map) going back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SealedExchangeBenchmark {

    private static final byte[] AAD = SealedExchange.associatedData("unet", "bench-request");

    private KeyPair provider;
    private float[] tensor;
    private long[] shape;
    private byte[] request;
    private byte[] response;
    private SealedExchange.Sealed sealed;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        provider = generator.generateKeyPair();
        PreparedSlice prepared = SampleSlice.prepared();
        tensor = prepared.input().tensor();
        shape = prepared.input().shape();
        request = SampleSlice.kserveJson("input", shape, tensor).getBytes(StandardCharsets.UTF_8);
        float[] map = new float[256 * 256];
        for (int i = 0; i < map.length; i++) {
            map[i] = tensor[i] > 1f ? 0.97f : 0.0123f;
        }
        response = SampleSlice.kserveJson("output", new long[]{1, 1, 256, 256}, map).getBytes(StandardCharsets.UTF_8);
        sealed = SealedExchange.seal((ECPublicKey) provider.getPublic(), request, AAD);
    }

    @Benchmark
    public String requestJson() {
        return SampleSlice.kserveJson("input", shape, tensor);
    }

    @Benchmark
    public SealedExchange.Sealed sealRequest() {
        return SealedExchange.seal((ECPublicKey) provider.getPublic(), request, AAD);
    }

    @Benchmark
    public SealedExchange.Opened openRequest() {
        return SealedExchange.open(provider, sealed.enc(), sealed.ciphertext(), AAD);
    }

    /** The whole exchange: seal, open, seal the answer, open it (each context answers exactly once). */
    @Benchmark
    public byte[] roundTrip() {
        SealedExchange.Sealed request = SealedExchange.seal((ECPublicKey) provider.getPublic(), this.request, AAD);
        SealedExchange.Opened opened = SealedExchange.open(provider, request.enc(), request.ciphertext(), AAD);
        return request.openResponse(opened.sealResponse(response, AAD), AAD);
    }

    static int requestBytes() throws Exception {
        PreparedSlice prepared = SampleSlice.prepared();
        return SampleSlice.kserveJson("input", prepared.input().shape(), prepared.input().tensor())
                .getBytes(StandardCharsets.UTF_8).length;
    }
}
