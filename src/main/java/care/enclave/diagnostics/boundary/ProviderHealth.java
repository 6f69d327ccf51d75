package care.enclave.diagnostics.boundary;

import care.enclave.diagnostics.control.ProviderProbe;
import care.enclave.platform.health.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready for diagnostics only while the provider enclave verifies (reachable, attested, pinned, vouching for
 * the model). A readiness check, never liveness: restarting the platform does not bring a provider back.
 * With {@code diagnostics.enabled=false} the platform offers no diagnostics and this check is always UP.
 */
@Readiness
@ApplicationScoped
public class ProviderHealth implements HealthCheck {

    static final String NAME = "diagnostics-provider";

    @Inject
    ProviderProbe probe;

    @Override
    public HealthCheckResponse call() {
        if (!probe.enabled()) {
            return HealthReport.of(NAME, true, "diagnostics disabled (diagnostics.enabled=false)");
        }
        ProviderProbe.Status status = probe.status();
        return HealthReport.of(NAME, status.usable(), status.reason() + " (checked " + status.checkedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
    }
}
