package care.enclave.inference.control;

import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import care.enclave.platform.metrics.AppMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The provider's served models, loaded once at start from {@code inference.models.dir}, and the bounded
 * engine that runs them ({@code inference.threads}, {@code inference.max-concurrent}, {@code inference.max-queued},
 * {@code inference.queue-wait-millis}).
 */
@ApplicationScoped
public class InferenceService {

    private static final Logger LOG = Logger.getLogger(InferenceService.class.getName());

    @Inject
    @ConfigProperty(name = "inference.models.dir")
    Optional<String> modelsDir;

    @Inject
    @ConfigProperty(name = "inference.threads", defaultValue = "2")
    int threads;

    @Inject
    @ConfigProperty(name = "inference.max-concurrent", defaultValue = "2")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "inference.max-queued", defaultValue = "8")
    int maxQueued;

    @Inject
    @ConfigProperty(name = "inference.queue-wait-millis", defaultValue = "5000")
    long queueWaitMillis;

    @Inject
    AppMetrics metrics;

    private ModelRegistry registry;
    private InferenceEngine engine;

    @PostConstruct
    void load() {
        Optional<Path> folder = modelsDir.map(Path::of).filter(Files::isDirectory);
        if (folder.isEmpty()) {
            LOG.warning("No model folder (inference.models.dir): this inference service serves no models");
            return;
        }
        registry = ModelRegistry.load(folder.get(), threads);
        engine = new InferenceEngine(registry, maxConcurrent, maxQueued, queueWaitMillis);
        metrics.gauge("inference.queue.depth", "Inference requests waiting for a free slot", this::queueDepth);
        registry.models().forEach(m -> LOG.info(() -> "Serving model " + m.name() + " sha256 " + m.sha256()));
    }

    /** Loads the models when the application starts, so a broken model stops the start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the start is what instantiates this bean eagerly.
    }

    @PreDestroy
    void close() {
        if (registry != null) {
            registry.close();
        }
    }

    public List<ModelInfo> models() {
        return registry == null ? List.of() : registry.models();
    }

    public ModelInfo info(String name) {
        if (registry == null) {
            throw new InferenceException(InferenceException.Kind.MODEL_NOT_FOUND, "no model with this name");
        }
        return registry.info(name);
    }

    /** Runs a model, recording its latency (model name only) and any refusal by its kind. */
    public List<Tensor> infer(String name, List<Tensor> inputs) {
        info(name);
        long start = System.nanoTime();
        try {
            List<Tensor> outputs = engine.infer(name, inputs);
            metrics.time("inference.duration", "Time to run a model, waiting for a slot included",
                    Duration.ofNanos(System.nanoTime() - start), "model", name);
            return outputs;
        } catch (InferenceException refused) {
            metrics.increment("inference.refusals", "Inferences not run, by kind (BUSY: capacity exhausted)",
                    "model", name, "kind", refused.kind().name());
            throw refused;
        }
    }

    public int queueDepth() {
        return engine == null ? 0 : engine.queueDepth();
    }

    /** Whether this server is meant to serve models at all ({@code inference.models.dir} is set). */
    public boolean configured() {
        return modelsDir.filter(dir -> !dir.isBlank()).isPresent();
    }

    public Duration longestRunning() {
        return engine == null ? Duration.ZERO : engine.longestRunning();
    }
}
