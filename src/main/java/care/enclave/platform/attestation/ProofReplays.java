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
    private final Map<String, Entry> live = new LinkedHashMap<>();

    /** When a proof's id may be forgotten, and the request that presented it. */
    private record Entry(long expiresAt, Object request) {
    }

    ProofReplays(int capacity) {
        this.capacity = capacity;
    }

    /**
     * @param request the request presenting the proof, compared by identity: the same request presented to
     *     several verifiers is no replay, another request carrying the same proof is
     * @return false when the id is live for another request (a replay) or there is no room to remember it
     */
    synchronized boolean remember(String id, Object request, long expiresAt, long now) {
        Iterator<Entry> oldest = live.values().iterator();
        while (oldest.hasNext() && oldest.next().expiresAt() < now) {
            oldest.remove();
        }
        Entry known = live.get(id);
        if (known != null) {
            return known.request() == request;
        }
        if (live.size() >= capacity) {
            return false;
        }
        live.put(id, new Entry(expiresAt, request));
        return true;
    }
}
