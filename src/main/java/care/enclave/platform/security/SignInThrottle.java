package care.enclave.platform.security;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing on every password path (HTTP Basic, the portal's sign-in). Failures count for
 * the account and client together, so nobody can lock a clerk out from another machine: after
 * {@value #PAIR_FREE_FAILURES} of them that pair waits 1, 2, 4 ... up to {@value #MAX_LOCK_SECONDS} seconds
 * before its next try. A client also waits, after {@value #CLIENT_FREE_FAILURES} failures for any accounts
 * (one machine trying many names). One failure is forgotten per minute and a success clears the pair, so
 * a sustained attack gets about one guess a minute. Keys are HMACs under a key held only in this process,
 * because people sometimes type a password into the user name field; the maps are bounded, evicting the
 * entries with the least evidence first.
 */
final class SignInThrottle {

    static final int PAIR_FREE_FAILURES = 5;
    static final int CLIENT_FREE_FAILURES = 50;
    static final int MAX_LOCK_SECONDS = 60;
    static final int MAX_KEYS = 10_000;
    private static final long FORGET_ONE_NANOS = 60_000_000_000L;

    private record Failures(int count, long lastNanos, long lockedUntilNanos) {
        /** The count after forgetting one failure per minute since the last. */
        int countAt(long now) {
            return (int) Math.max(0, count - (now - lastNanos) / FORGET_ONE_NANOS);
        }
    }

    private final Map<String, Failures> pairs = new ConcurrentHashMap<>();
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();
    private final SecretKey key = newKey();
    private final LongSupplier nanoTime;

    SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Seconds this account must still wait from this client; 0 when it may try now. */
    long retryAfterSeconds(String account, String client) {
        long now = nanoTime.getAsLong();
        return Math.max(wait(pairs.get(pairKey(account, client)), now), wait(clients.get(clientKey(client)), now));
    }

    void failed(String account, String client) {
        long now = nanoTime.getAsLong();
        count(pairs, pairKey(account, client), PAIR_FREE_FAILURES, now);
        count(clients, clientKey(client), CLIENT_FREE_FAILURES, now);
    }

    /** Clears the pair only: a client's failures for other accounts still count. */
    void succeeded(String account, String client) {
        pairs.remove(pairKey(account, client));
    }

    int size() {
        return pairs.size() + clients.size();
    }

    private static long wait(Failures f, long now) {
        long waitNanos = f == null ? 0 : f.lockedUntilNanos() - now;
        return waitNanos <= 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    private static void count(Map<String, Failures> map, String key, int free, long now) {
        if (!map.containsKey(key) && map.size() >= MAX_KEYS) {
            makeRoom(map, now);
        }
        map.compute(key, (k, f) -> {
            int count = (f == null ? 0 : f.countAt(now)) + 1;
            long lockSeconds = count < free ? 0 : Math.min(MAX_LOCK_SECONDS, 1L << Math.min(20, count - free));
            return new Failures(count, now, now + lockSeconds * 1_000_000_000L);
        });
    }

    /** Drops what is forgotten anyway; when all is still live, the entry with the fewest failures. */
    private static synchronized void makeRoom(Map<String, Failures> map, long now) {
        map.entrySet().removeIf(e -> e.getValue().countAt(now) == 0 && e.getValue().lockedUntilNanos() <= now);
        while (map.size() >= MAX_KEYS) {
            map.entrySet().stream().min(Comparator.comparingInt(e -> e.getValue().countAt(now)))
                    .ifPresent(e -> map.remove(e.getKey()));
        }
    }

    private String pairKey(String account, String client) {
        return mac("pair", account + "\u0000" + client);
    }

    private String clientKey(String client) {
        return mac("client", client);
    }

    private String mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SignInThrottle: HmacSHA256 unavailable");
        }
    }

    private static SecretKey newKey() {
        try {
            return KeyGenerator.getInstance("HmacSHA256").generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SignInThrottle: HmacSHA256 unavailable");
        }
    }
}
