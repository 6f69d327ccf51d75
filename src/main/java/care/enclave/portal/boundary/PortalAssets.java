package care.enclave.portal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portal's static files, read once from the WAR and kept in memory with a content hash as ETag. The
 * REST application is mapped to {@code /*}, so the container's static file handler never sees them.
 */
@ApplicationScoped
public class PortalAssets {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** A file's bytes, media type and strong ETag. */
    public record Asset(byte[] bytes, String type, String etag) {
    }

    @Inject
    ServletContext context;

    /** Only files that exist are kept, so requests for made-up names cannot grow it. */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    public Optional<Asset> find(String path) {
        Asset cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Asset> loaded = load(path);
        loaded.ifPresent(asset -> cache.put(path, asset));
        return loaded;
    }

    private Optional<Asset> load(String path) {
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        try (InputStream in = type == null ? null : context.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("PortalAssets: a packaged file is unreadable", e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("PortalAssets: SHA-256 unavailable");
        }
    }
}
