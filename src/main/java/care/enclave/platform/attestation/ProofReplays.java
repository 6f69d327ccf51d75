package care.enclave.platform.attestation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code jti}s of accepted DPoP proofs, each kept until its proof would be stale anyway, in bounded
 * memory. When full of live entries it refuses rather than forgets, so a replay can never slip through
 * an eviction (fail closed; only proofs that passed every other check get this far).
 */
final class ProofReplays {

    private final int capacity;
    private final Map<String, Long> live = new LinkedHashMap<>();

    ProofReplays(int capacity) {
        this.capacity = capacity;
    }

    /** @return false when the id is already live (a replay) or there is no room to remember it */
    synchronized boolean remember(String id, long expiresAt, long now) {
        Iterator<Long> oldest = live.values().iterator();
        while (oldest.hasNext() && oldest.next() < now) {
            oldest.remove();
        }
        Long known = live.get(id);
        if (known != null && known >= now || live.size() >= capacity) {
            return false;
        }
        live.put(id, expiresAt);
        return true;
    }
}
