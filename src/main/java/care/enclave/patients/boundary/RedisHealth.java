package care.enclave.patients.boundary;

import care.enclave.platform.redis.RedisConnection;
import care.enclave.platform.health.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Redis answers PING within {@code patients.redis.health-timeout-millis}. Not a liveness
 * check: a Redis outage is not cured by restarting the platform, which recovers by itself when Redis returns.
 */
@Readiness
@ApplicationScoped
public class RedisHealth implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        RedisConnection.Ping ping = redis.ping();
        return HealthReport.of("patients-redis", ping.answered(), ping.reason());
    }
}
