package care.enclave.platform.attestation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** What a DPoP proof is about, in the forms both sides compare: the request URI ({@code htu}) and the token ({@code ath}). */
public final class ProofTargets {

    private ProofTargets() {
    }

    /** RFC 9449 section 4.3: scheme and host case-insensitive, default ports implied, no query or fragment. */
    public static URI withoutQuery(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == 443 && "https".equals(scheme) || uri.getPort() == 80 && "http".equals(scheme)
                ? -1 : uri.getPort();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + host + (port < 0 ? "" : ":" + port) + path);
    }

    static boolean sameUri(String claimed, URI actual) {
        try {
            return withoutQuery(URI.create(claimed)).equals(withoutQuery(actual));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code ath}: base64url SHA-256 of the token's ASCII. */
    public static String tokenHash(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }
}
