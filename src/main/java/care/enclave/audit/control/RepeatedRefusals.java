package care.enclave.audit.control;

import care.enclave.audit.entity.Actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts refused logins so that a flood cannot grow the trail without bound: per (client, claimed actor,
 * reason) the first refusal of a {@value #WINDOW_SECONDS}-second window is recorded on its own, the rest of
 * that window only as one counted entry when the window closes. A client therefore adds at most two
 * entries per window for each (actor, reason), and there are few of those (the staff accounts or anonymous;
 * a handful of fixed reasons). The client address is held in memory only, never written.
 */
final class RepeatedRefusals {

    static final int WINDOW_SECONDS = 60;
    static final int MAX_KEYS = 10_000;
    private static final long WINDOW_NANOS = WINDOW_SECONDS * 1_000_000_000L;

    record Key(String client, Actor actor, String reason) {
    }

    /** A closed window's refusals beyond its first; {@code correlation} is the first counted one's. */
    record Repeated(Key key, int count, String correlation) {
    }

    private static final class Window {
        final long endNanos;
        int repeats;
        String correlation = "";

        Window(long endNanos) {
            this.endNanos = endNanos;
        }
    }

    private final Map<Key, Window> windows = new HashMap<>();
    private final LongSupplier nanoTime;

    RepeatedRefusals(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Notes a refusal; true when it opens a window and so is to be recorded on its own. */
    synchronized boolean first(Key key, String correlation) {
        long now = nanoTime.getAsLong();
        Window window = windows.get(key);
        if (window != null && now < window.endNanos) {
            if (window.repeats++ == 0) {
                window.correlation = correlation;
            }
            return false;
        }
        windows.put(key, new Window(now + WINDOW_NANOS));
        return true;
    }

    /** Takes the counts of every window that has closed (all of them when too many keys are held). */
    synchronized List<Repeated> closed() {
        long now = nanoTime.getAsLong();
        boolean all = windows.size() >= MAX_KEYS;
        List<Repeated> closed = new ArrayList<>();
        windows.entrySet().removeIf(e -> {
            boolean over = all || now >= e.getValue().endNanos;
            if (over && e.getValue().repeats > 0) {
                closed.add(new Repeated(e.getKey(), e.getValue().repeats, e.getValue().correlation));
            }
            return over;
        });
        return closed;
    }
}
