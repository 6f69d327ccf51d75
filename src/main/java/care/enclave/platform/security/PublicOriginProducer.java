package care.enclave.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@link PublicOrigin} for injection, read once (a record cannot be proxied, so the producer itself holds it);
 * a malformed setting fails the first injection loudly instead of serving wrong redirects.
 */
@ApplicationScoped
public class PublicOriginProducer {

    private volatile PublicOrigin origin;

    @Produces
    PublicOrigin publicOrigin() {
        PublicOrigin known = origin;
        if (known == null) {
            known = PublicOrigin.of(ConfigProvider.getConfig());
            origin = known;
        }
        return known;
    }
}
