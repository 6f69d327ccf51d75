package care.enclave.inference.boundary;

import care.enclave.inference.control.InferenceService;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.platform.health.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import java.util.stream.Collectors;

/**
 * The provider's models are loaded into ONNX Runtime, each identified by the SHA-256 of its file computed at
 * load (the hash the provider's evidence binds and callers verify). A server with no model folder configured
 * (a platform using a remote provider) serves no inference and is not held back by this check.
 */
@Startup
@Readiness
@ApplicationScoped
public class ModelsHealth implements HealthCheck {

    static final String NAME = "inference-models";

    @Inject
    InferenceService models;

    @Override
    public HealthCheckResponse call() {
        if (!models.configured()) {
            return HealthReport.of(NAME, true, "no model folder configured: this server serves no inference");
        }
        if (models.models().isEmpty()) {
            return HealthReport.of(NAME, false, "the model folder (inference.models.dir) is missing or holds no .onnx model");
        }
        return HealthReport.of(NAME, true, "serving " + models.models().stream()
                .map(ModelsHealth::describe)
                .collect(Collectors.joining(", ")) + ", hashed when loaded");
    }

    static String describe(ModelInfo model) {
        return model.name() + " (sha256 " + model.sha256().substring(0, 16) + "...)";
    }
}
