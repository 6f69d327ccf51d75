package care.enclave.attestation.boundary;

import care.enclave.attestation.control.SigningKeys;
import care.enclave.platform.health.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * The attestation service can sign tokens: its current key (unsealed at start) has its private part and a
 * certificate valid now. Without it no enclave (this platform included) can be attested, and the key lives
 * only in this process, so it is part of startup, liveness and readiness.
 */
@Startup
@Liveness
@Readiness
@ApplicationScoped
public class SigningKeyHealth implements HealthCheck {

    @Inject
    SigningKeys keys;

    @Override
    public HealthCheckResponse call() {
        return keys.signingProblem()
                .map(problem -> HealthReport.of("attestation-signing-key", false, problem))
                .orElseGet(() -> HealthReport.of("attestation-signing-key", true,
                        "token signing key present; " + keys.jwks().getJsonWebKeys().size() + " key(s) published in /certs"));
    }
}
