package care.enclave.inference.boundary;

import care.enclave.inference.control.InferenceService;
import care.enclave.platform.health.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.time.Duration;

/**
 * Live unless an inference has run far longer than any model takes ({@code inference.stuck-after}, default
 * five minutes): a native ONNX Runtime call that never returns holds its slot for good, and only a restart
 * frees it. Busy is not stuck: a full queue is answered with 503s and shows in the metrics, not here.
 */
@Liveness
@ApplicationScoped
public class InferenceEngineHealth implements HealthCheck {

    @Inject
    InferenceService models;

    @Inject
    @ConfigProperty(name = "inference.stuck-after", defaultValue = "PT5M")
    Duration stuckAfter;

    @Override
    public HealthCheckResponse call() {
        Duration longest = models.longestRunning();
        return longest.compareTo(stuckAfter) > 0
                ? HealthReport.of("inference-engine", false, "an inference has been running for " + longest.toSeconds()
                        + " s (limit " + stuckAfter.toSeconds() + " s): the model runtime appears stuck")
                : HealthReport.of("inference-engine", true, "no inference stuck; " + models.queueDepth() + " waiting");
    }
}
