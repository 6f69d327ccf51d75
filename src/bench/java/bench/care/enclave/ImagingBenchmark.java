package bench.care.enclave;

import care.enclave.diagnostics.control.MriImage;
import care.enclave.diagnostics.control.Postprocessing;
import care.enclave.diagnostics.control.PreparedSlice;
import care.enclave.diagnostics.control.Preprocessing;
import care.enclave.diagnostics.entity.Delineation;
import care.enclave.inference.control.InferenceEngine;
import care.enclave.inference.control.ModelRegistry;
import care.enclave.inference.entity.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform's own image work around the model, on the real slice: decode and prepare (pad, resample,
 * standardise), and postprocess the model's real probability map (mask, outline, overlay, two PNGs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImagingBenchmark {

    private byte[] png;
    private PreparedSlice prepared;
    private float[] probabilities;
    private ModelRegistry registry;

    @Setup
    public void setUp() {
        png = SampleSlice.png();
        prepared = SampleSlice.prepared();
        // Open for the whole trial: ONNX Runtime's threads outlive a closed session and crashed the JVM.
        registry = ModelRegistry.load(SampleSlice.MODEL.getParent(), 2);
        String name = registry.info("unet").inputs().get(0).name();
        Tensor input = new Tensor(name, prepared.input().shape(), prepared.input().tensor());
        probabilities = new InferenceEngine(registry, 1, 1, 60_000).infer("unet", List.of(input)).get(0).data();
    }

    @TearDown
    public void tearDown() {
        registry.close();
    }

    @Benchmark
    public PreparedSlice preprocess() {
        return Preprocessing.prepare(MriImage.decode(png));
    }

    @Benchmark
    public Delineation postprocess() {
        return Postprocessing.delineate(prepared, probabilities);
    }
}
