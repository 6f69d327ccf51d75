package care.enclave.platform.security;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a state-changing request was sent by another site. A browser that once answered a Basic prompt
 * replays the credentials on a cross-site form POST, so credentials prove nothing about intent; the
 * browser's own {@code Sec-Fetch-Site} and {@code Origin} headers do. API clients send neither and pass.
 */
final class CrossSiteRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** {@code none}: typed in the address bar or opened from a bookmark, no site involved. */
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private CrossSiteRequests() {
    }

    /**
     * @param ownOrigin this server's origin as the browser addressed it, e.g. {@code https://host:9443}
     */
    static boolean refused(String method, String secFetchSite, String origin, String ownOrigin) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return false;
        }
        if (secFetchSite != null && !OWN_SITE.contains(secFetchSite.trim().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return origin != null && !sameOrigin(origin, ownOrigin);
    }

    /** Compares scheme, host and port, the default port spelled or not; {@code null} or garbage never match. */
    static boolean sameOrigin(String origin, String ownOrigin) {
        try {
            URI a = URI.create(origin.trim());
            URI b = URI.create(ownOrigin);
            return a.getScheme() != null && a.getHost() != null && a.getRawPath().isEmpty()
                    && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
