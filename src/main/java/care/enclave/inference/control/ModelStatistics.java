package care.enclave.inference.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Per-model inference counts in the shape of the Open Inference Protocol's statistics extension (as Triton
 * serves it): how many sealed requests reached a model and how they ended. Counts and durations only, so
 * they say nothing about any patient; a caller can also check from them that a refused provider was never sent
 * data.
 */
@ApplicationScoped
public class ModelStatistics {

    private final Map<String, Counters> byModel = new ConcurrentHashMap<>();

    private static final class Counters {
        final LongAdder success = new LongAdder();
        final LongAdder successNanos = new LongAdder();
        final LongAdder fail = new LongAdder();
        final LongAdder failNanos = new LongAdder();
        volatile long lastInferenceMillis;
    }

    public void succeeded(String model, long nanos, long nowMillis) {
        Counters counters = counters(model);
        counters.success.increment();
        counters.successNanos.add(nanos);
        counters.lastInferenceMillis = nowMillis;
    }

    public void failed(String model, long nanos) {
        Counters counters = counters(model);
        counters.fail.increment();
        counters.failNanos.add(nanos);
    }

    private Counters counters(String model) {
        return byModel.computeIfAbsent(model, name -> new Counters());
    }

    public JsonObject statistics(String model, String version) {
        Counters counters = byModel.getOrDefault(model, new Counters());
        long success = counters.success.sum();
        return JSON.createObjectBuilder().add("model_stats", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("name", model).add("version", version)
                .add("last_inference", counters.lastInferenceMillis)
                .add("inference_count", success)
                .add("execution_count", success)
                .add("inference_stats", JSON.createObjectBuilder()
                        .add("success", duration(success, counters.successNanos.sum()))
                        .add("fail", duration(counters.fail.sum(), counters.failNanos.sum()))))).build();
    }

    private static JsonObjectBuilder duration(long count, long nanos) {
        return JSON.createObjectBuilder().add("count", count).add("ns", nanos);
    }
}
