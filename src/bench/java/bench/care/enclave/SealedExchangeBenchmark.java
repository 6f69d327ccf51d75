package bench.care.enclave;

import care.enclave.diagnostics.control.PreparedSlice;
import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.openinference.Fp32Tensor;
import care.enclave.platform.openinference.KServeBinary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The confidential-inference envelope for one MRI slice, as DelineationService and the provider exchange it:
 * the 1 x 3 x 256 x 256 float tensor as an Open Inference Protocol binary body, HPKE-sealed to the provider's
 * key and opened by the provider; encoding that body; and the whole exchange with the 256 x 256 answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SealedExchangeBenchmark {

    private static final byte[] AAD = SealedExchange.associatedData("unet", "bench-request");

    private KeyPair provider;
    private Fp32Tensor input;
    private byte[] request;
    private byte[] response;
    private SealedExchange.Sealed sealed;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        provider = generator.generateKeyPair();
        PreparedSlice prepared = SampleSlice.prepared();
        input = new Fp32Tensor("input", prepared.input().shape(), prepared.input().tensor());
        request = requestBody(input);
        float[] map = new float[256 * 256];
        for (int i = 0; i < map.length; i++) {
            map[i] = input.data()[i] > 1f ? 0.97f : 0.0123f;
        }
        response = KServeBinary.write(JSON.createObjectBuilder(), "outputs",
                List.of(new Fp32Tensor("output", new long[]{1, 1, 256, 256}, map)), name -> true).bytes();
        sealed = SealedExchange.seal((ECPublicKey) provider.getPublic(), request, AAD);
    }

    @Benchmark
    public byte[] requestBinary() {
        return requestBody(input);
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

    /** The request body DelineationService seals: a JSON header asking for a binary answer, then the tensor. */
    static byte[] requestBody(Fp32Tensor tensor) {
        return KServeBinary.write(JSON.createObjectBuilder().add("parameters",
                        JSON.createObjectBuilder().add("binary_data_output", true)),
                "inputs", List.of(tensor), name -> true).bytes();
    }

    static int requestBytes() {
        PreparedSlice prepared = SampleSlice.prepared();
        return requestBody(new Fp32Tensor("input", prepared.input().shape(), prepared.input().tensor())).length;
    }
}
