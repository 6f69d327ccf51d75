package care.enclave.inference.control;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import care.enclave.inference.entity.TensorSpec;

import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs models with bounded concurrency: at most {@code maxConcurrent} inferences run (each may use several
 * ONNX Runtime threads) and at most {@code maxQueued} wait, each no longer than {@code queueWaitMillis};
 * beyond that the caller is told BUSY at once, so a burst cannot pile up threads or memory in an enclave.
 */
public final class InferenceEngine {

    private final ModelRegistry registry;
    private final Semaphore running;
    private final Semaphore admitted;
    private final long queueWaitMillis;
    /** Start times of the inferences running now, for the liveness check's "stuck" verdict. */
    private final Map<Object, Long> runningSince = new ConcurrentHashMap<>();

    public InferenceEngine(ModelRegistry registry, int maxConcurrent, int maxQueued, long queueWaitMillis) {
        this.registry = registry;
        this.running = new Semaphore(maxConcurrent, true);
        this.admitted = new Semaphore(maxConcurrent + maxQueued);
        this.queueWaitMillis = queueWaitMillis;
    }

    /** How many requests are waiting for a free slot right now. */
    public int queueDepth() {
        return running.getQueueLength();
    }

    /** How long the longest-running inference has been running (zero when none runs). */
    public Duration longestRunning() {
        long now = System.nanoTime();
        return Duration.ofNanos(runningSince.values().stream().mapToLong(start -> now - start).max().orElse(0));
    }

    public List<Tensor> infer(String modelName, List<Tensor> inputs) {
        ModelRegistry.Loaded model = registry.loaded(modelName);
        check(model.info(), inputs);
        if (!admitted.tryAcquire()) {
            throw new InferenceException(Kind.BUSY, "too many requests are waiting");
        }
        try {
            if (!running.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new InferenceException(Kind.BUSY, "no inference slot became free in time");
            }
            Object ticket = new Object();
            runningSince.put(ticket, System.nanoTime());
            try {
                return run(model.session(), inputs);
            } finally {
                runningSince.remove(ticket);
                running.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InferenceException(Kind.BUSY, "interrupted while waiting for a slot");
        } finally {
            admitted.release();
        }
    }

    /** Every declared input present once, FP32, with a shape matching the declared one (-1 = any). */
    static void check(ModelInfo model, List<Tensor> inputs) {
        if (inputs.size() != model.inputs().size()) {
            throw new InferenceException(Kind.INVALID_INPUT, "the model takes " + model.inputs().size() + " input(s)");
        }
        for (TensorSpec spec : model.inputs()) {
            Tensor tensor = inputs.stream().filter(t -> spec.name().equals(t.name())).findFirst()
                    .orElseThrow(() -> new InferenceException(Kind.INVALID_INPUT, "an input the model declares is missing"));
            if (!"FP32".equals(spec.datatype()) || !matches(spec.shape(), tensor.shape())
                    || tensor.data().length != elements(tensor.shape())) {
                throw new InferenceException(Kind.INVALID_INPUT, "an input's datatype or shape does not match the model");
            }
        }
    }

    private static boolean matches(List<Long> declared, long[] actual) {
        if (declared.size() != actual.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] <= 0 || declared.get(i) > 0 && declared.get(i) != actual[i]) {
                return false;
            }
        }
        return true;
    }

    private static long elements(long[] shape) {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    private static List<Tensor> run(OrtSession session, List<Tensor> inputs) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            for (Tensor input : inputs) {
                feed.put(input.name(), OnnxTensor.createTensor(environment, FloatBuffer.wrap(input.data()), input.shape()));
            }
            try (OrtSession.Result result = session.run(feed)) {
                List<Tensor> outputs = new ArrayList<>();
                for (Map.Entry<String, ai.onnxruntime.OnnxValue> output : result) {
                    OnnxTensor tensor = (OnnxTensor) output.getValue();
                    FloatBuffer values = tensor.getFloatBuffer();
                    float[] data = new float[values.remaining()];
                    values.get(data);
                    outputs.add(new Tensor(output.getKey(), tensor.getInfo().getShape(), data));
                }
                return outputs;
            }
        } catch (OrtException | ClassCastException e) {
            throw new InferenceException(Kind.FAILED, "the model could not run on this input");
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }
}
