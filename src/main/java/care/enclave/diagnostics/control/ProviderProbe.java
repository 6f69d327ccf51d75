package care.enclave.diagnostics.control;

import care.enclave.diagnostics.client.InferenceApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Whether the diagnostics provider can be used right now: its evidence, fetched with a fresh nonce, attests
 * and vouches for the configured model, exactly as before a delineation. The verdict is cached
 * ({@code diagnostics.health.cache}, {@code diagnostics.health.cache-down}) so probes do not hammer the
 * provider, and the probe's own client has short timeouts so a hung provider cannot hang a probe.
 */
@ApplicationScoped
public class ProviderProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    ProviderVerification verification;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "diagnostics.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "diagnostics.model", defaultValue = "unet")
    String modelName;

    @Inject
    @ConfigProperty(name = "inference/mp-rest/url")
    String providerUrl;

    @Inject
    @ConfigProperty(name = "diagnostics.health.cache", defaultValue = "PT30S")
    Duration cacheUp;

    @Inject
    @ConfigProperty(name = "diagnostics.health.cache-down", defaultValue = "PT5S")
    Duration cacheDown;

    private InferenceApi client;
    private Status last;

    /** A verdict and when it was reached. */
    public record Status(boolean usable, String reason, Instant checkedAt) {
    }

    public boolean enabled() {
        return enabled;
    }

    public synchronized Status status() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(last.checkedAt().plus(last.usable() ? cacheUp : cacheDown))) {
            last = check(now);
        }
        return last;
    }

    private Status check(Instant now) {
        try {
            VerifiedProvider verified = verification.verify(client(), modelName);
            return new Status(true, "provider enclave " + abbreviated(verified.attestation().mrEnclave())
                    + " verified, vouching for model " + modelName + " (sha256 " + abbreviated(verified.modelSha256()) + ")", now);
        } catch (DiagnosticsException e) {
            return new Status(false, e.getMessage(), now);
        } catch (RuntimeException e) {
            return new Status(false, "Diagnostics provider: the provider could not be reached or answered unreadably", now);
        }
    }

    InferenceApi client() {
        if (client == null) {
            client = RestClientBuilder.newBuilder().baseUri(URI.create(providerUrl))
                    .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .build(InferenceApi.class);
        }
        return client;
    }

    private static String abbreviated(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }
}
