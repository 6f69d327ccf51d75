package bench.care.enclave;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Bare ONNX Runtime: the committed U-Net on the real slice, with the session options the provider uses
 * (all graph optimisations, {@code inference.threads} intra-op threads), at 1 and 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InferenceBenchmark {

    @Param({"1", "2"})
    public int threads;

    private OrtEnvironment environment;
    private OrtSession session;
    private OnnxTensor input;
    private String inputName;

    @Setup
    public void setUp() throws Exception {
        environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(SampleSlice.MODEL.toString(), options);
        }
        var prepared = SampleSlice.prepared();
        inputName = session.getInputNames().iterator().next();
        input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(prepared.input().tensor()), prepared.input().shape());
    }

    @TearDown
    public void tearDown() throws Exception {
        input.close();
        session.close();
    }

    @Benchmark
    public float unet() throws Exception {
        try (OrtSession.Result result = session.run(Map.of(inputName, input))) {
            return ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
        }
    }
}
