package care.enclave.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing at the sign-in page: after {@value #FREE_FAILURES} failures in a row for a key
 * (a client address, an account name), that key waits 1, 2, 4 ... up to {@value #MAX_LOCK_SECONDS} seconds
 * before the next try. A cap this low keeps an attacker from locking a clerk out for long. Keys are kept as
 * SHA-256 digests, because people sometimes type a password into the user name field.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final int MAX_LOCK_SECONDS = 60;
    private static final int MAX_KEYS = 10_000;

    private record Failures(int count, long lockedUntilNanos) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Seconds the key must still wait; 0 when it may try now. */
    long retryAfterSeconds(String key) {
        Failures f = failures.get(digest(key));
        long waitNanos = f == null ? 0 : f.lockedUntilNanos() - nanoTime.getAsLong();
        return waitNanos <= 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    void failed(String key) {
        if (failures.size() >= MAX_KEYS) {
            failures.clear();
        }
        failures.compute(digest(key), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            long lockSeconds = count < FREE_FAILURES ? 0
                    : Math.min(MAX_LOCK_SECONDS, 1L << Math.min(20, count - FREE_FAILURES));
            return new Failures(count, nanoTime.getAsLong() + lockSeconds * 1_000_000_000L);
        });
    }

    void succeeded(String key) {
        failures.remove(digest(key));
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SignInThrottle: SHA-256 unavailable");
        }
    }
}
