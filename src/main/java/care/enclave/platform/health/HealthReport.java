package care.enclave.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.Map;
import java.util.Optional;

/**
 * The shape every health check here reports: a name, UP or DOWN, and a {@code reason} an operator can act on.
 * Reasons are fixed texts with counts, durations and public identities (model names, measurements) only:
 * never hosts, credentials, key material, record ids or patient data, because probes are unauthenticated.
 */
public final class HealthReport {

    private HealthReport() {
    }

    public static HealthCheckResponse of(String name, boolean up, String reason) {
        return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("reason", reason)));
    }
}
