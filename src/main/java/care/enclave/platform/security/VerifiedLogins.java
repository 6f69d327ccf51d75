package care.enclave.platform.security;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers recently verified logins for a few minutes, so an API client sending Basic credentials on
 * every request pays for PBKDF2 once, not per request. Entries are keyed by an HMAC under a key that lives
 * only in this process's memory, so the cache holds nothing a password could be recovered from.
 */
final class VerifiedLogins {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 4096;

    private final SecretKey key = newKey();
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    boolean contains(String user, char[] password) {
        Long expiry = expiries.get(fingerprint(user, password));
        return expiry != null && expiry > System.nanoTime();
    }

    void remember(String user, char[] password) {
        if (expiries.size() >= MAX_ENTRIES) {
            expiries.clear();
        }
        expiries.put(fingerprint(user, password), System.nanoTime() + TTL.toNanos());
    }

    private String fingerprint(String user, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(secret);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VerifiedLogins: HmacSHA256 unavailable");
        }
    }

    private static SecretKey newKey() {
        try {
            return KeyGenerator.getInstance("HmacSHA256").generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VerifiedLogins: HmacSHA256 unavailable");
        }
    }
}
