package care.enclave.patients.boundary;

import care.enclave.platform.health.HealthReport;
import care.enclave.platform.keys.KeyProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The patients' data key ring was released to this enclave and is held in memory. Without it no record can
 * be read or written, and only a restart (a new attestation and release) brings it back: so it is part of
 * startup, liveness and readiness alike.
 */
@Startup
@Liveness
@Readiness
@ApplicationScoped
public class DataKeyHealth implements HealthCheck {

    @Inject
    KeyProvider keys;

    @Override
    public HealthCheckResponse call() {
        return keys.released()
                ? HealthReport.of("patients-data-key", true, "data key version " + keys.currentDataKey().version()
                        + " obtained from the " + keys.sourceName() + " source, held in memory only")
                : HealthReport.of("patients-data-key", false, "no data key released: records can be neither read nor written");
    }
}
