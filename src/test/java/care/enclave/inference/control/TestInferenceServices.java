package care.enclave.inference.control;

import java.util.Optional;

/** An inference service wired by hand, as CDI wires it, for tests outside the container. */
public final class TestInferenceServices {

    private TestInferenceServices() {
    }

    /** @param modelsDir {@code inference.models.dir}, or empty when not configured */
    public static InferenceService loaded(Optional<String> modelsDir) {
        InferenceService service = new InferenceService();
        service.modelsDir = modelsDir;
        service.threads = 1;
        service.maxConcurrent = 1;
        service.maxQueued = 1;
        service.queueWaitMillis = 100;
        service.metrics = care.enclave.platform.metrics.AppMetrics.none();
        service.load();
        return service;
    }
}
