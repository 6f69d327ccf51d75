package care.enclave.platform.security;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.Locale;

/**
 * The origin clients know this server by ({@code platform.public-origin}, e.g. {@code https://care.example}),
 * from configuration and never from the request: the {@code Host} header is the client's to choose, so a
 * redirect or a {@code Location} built from it would send the next request wherever an attacker said.
 * Without the setting: {@code https://localhost:<https.port>}, the embedded product run.
 */
public record PublicOrigin(String value) {

    static final String PROPERTY = "platform.public-origin";

    public PublicOrigin {
        URI uri = URI.create(value);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(PROPERTY + " must be https://host[:port], without a path");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    public static PublicOrigin of(Config config) {
        return new PublicOrigin(config.getOptionalValue(PROPERTY, String.class).orElseGet(
                () -> "https://localhost:" + config.getOptionalValue("https.port", String.class).orElse("9443")));
    }

    /** This origin followed by {@code rawPathAndQuery}, which must start with {@code /} and be well formed. */
    public URI resolve(String rawPathAndQuery) {
        if (!rawPathAndQuery.startsWith("/") || rawPathAndQuery.startsWith("//")) {
            throw new IllegalArgumentException("not an absolute path");
        }
        return URI.create(value + rawPathAndQuery);
    }
}
