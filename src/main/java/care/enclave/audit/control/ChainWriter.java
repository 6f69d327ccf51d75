package care.enclave.audit.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditUnavailable;
import care.enclave.audit.api.Outcome;
import care.enclave.audit.control.AuditChain.Draft;
import care.enclave.audit.entity.Actor;
import care.enclave.audit.entity.AuditEntry;
import care.enclave.audit.entity.ChainHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Appends to the chain. One writer at a time per replica, with group commit: a caller queues its draft
 * and whoever holds the lock writes everything queued in one Redis round trip, so concurrent requests
 * share appends instead of queueing for one each; the others wait for their own entry (see {@link #write}).
 * The head is cached between appends; when the compare-and-set finds it moved (another replica) the writer
 * reloads it, backs off a random moment and chains again, with whatever was queued meanwhile, for up to two
 * seconds.
 *
 * <p>A stored head that is missing, unreadable, behind the log, or behind what this replica itself wrote
 * means someone altered Redis. The writer then continues from the log's last entry and first writes an
 * {@link Action#AUDIT_CHAIN_RECOVERED} entry saying why: the platform stays available and the alteration
 * stays visible for good, since verification reports every such entry.
 */
@ApplicationScoped
public class ChainWriter {

    private static final Logger LOG = Logger.getLogger(ChainWriter.class.getName());
    private static final int MAX_BATCH = 256;
    /** How long a writer keeps retrying against other replicas before the entry counts as unwritable. */
    private static final Duration CONTENTION_BUDGET = Duration.ofSeconds(2);
    private static final long MAX_BACKOFF_STEP_NANOS = 200_000;
    /** Batches a writer adds for others after its own entry is written. */
    private static final int MAX_EXTRA_BATCHES = 4;
    /** How long a waiting caller trusts the current writer before trying to become the writer itself. */
    private static final long WRITER_HANDOVER_NANOS = 2_000_000;

    @Inject
    AuditLog log;

    @Inject
    AuditKeys keys;

    @Inject
    Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong lost = new AtomicLong();
    private volatile long highestWritten;
    private Position position;

    /** Where the next append continues: the stored head it must still find, the head it chains from. */
    private record Position(byte[] storedHead, ChainHead head, List<Draft> recovery) {
    }

    private record Pending(Draft draft, CompletableFuture<Void> written) {
    }

    public static ChainWriter over(AuditLog log, AuditKeys keys, Clock clock) {
        ChainWriter writer = new ChainWriter();
        writer.log = log;
        writer.keys = keys;
        writer.clock = clock;
        return writer;
    }

    /**
     * Writes the draft (with whatever else is queued) or throws {@link AuditUnavailable}. Whoever finds no
     * writer at work becomes the writer; everyone else waits on their own entry, not on the lock. (Waiting on
     * the lock made each finished caller take it in turn just to learn its entry was written: under 64
     * concurrent requests that queue of wake-ups, not Redis, limited the whole API to ~3,000 requests/s.)
     */
    public void write(Draft draft) {
        Pending pending = new Pending(draft, new CompletableFuture<>());
        queue.add(pending);
        while (!pending.written().isDone()) {
            if (lock.tryLock()) {
                try {
                    writeQueued(pending);
                } finally {
                    lock.unlock();
                }
            } else {
                awaitWriter(pending);
            }
        }
        awaitWritten(pending);
    }

    /**
     * Writes batches until the caller's own entry is written, then a few more while entries keep arriving, so
     * that waiters rarely need their timed wake-up to take over; bounded, so the writer's own request is not
     * held up for long by everyone else's.
     */
    private void writeQueued(Pending own) {
        while (!own.written().isDone()) {
            flush();
        }
        int extra = 0;
        // Only after a success: with Redis gone, each batch costs a timeout and the others fail on their own.
        while (!own.written().isCompletedExceptionally() && !queue.isEmpty() && extra++ < MAX_EXTRA_BATCHES) {
            flush();
        }
    }

    /**
     * Waits until the current writer has taken and written this entry. The timeout covers an entry queued
     * just after the writer's last batch: its owner then becomes the writer itself.
     */
    private static void awaitWriter(Pending pending) {
        try {
            pending.written().get(WRITER_HANDOVER_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException retry) {
            // Not written yet (try to become the writer), or failed (awaitWritten reports it).
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailable("interrupted while writing");
        }
    }

    /** Counts an entry that could not be written (a refusal recorded on a best-effort basis). */
    void countLost() {
        lost.incrementAndGet();
    }

    public long lostSinceStart() {
        return lost.get();
    }

    /** The highest sequence number this replica wrote: the stored log must never fall behind it. */
    public long highestWritten() {
        return highestWritten;
    }

    private void flush() {
        List<Pending> batch = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + CONTENTION_BUDGET.toNanos();
            for (int attempt = 0; ; attempt++) {
                drainInto(batch);
                if (tryAppend(batch.stream().map(Pending::draft).toList())) {
                    batch.forEach(p -> p.written().complete(null));
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AuditUnavailable("other replicas kept moving the chain head");
                }
                backOff(attempt);
            }
        } catch (RuntimeException failed) {
            position = null;
            batch.forEach(p -> p.written().completeExceptionally(failed));
        }
    }

    /** Takes what is queued, so a retry after losing a race also carries what arrived meanwhile. */
    private void drainInto(List<Pending> batch) {
        for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
    }

    /** Appends after the cached (or reloaded) head; false when another writer moved the head first. */
    private boolean tryAppend(List<Draft> drafts) {
        Position from = position != null ? position : load();
        List<Draft> all = new ArrayList<>(from.recovery());
        all.addAll(drafts);
        List<AuditEntry> entries = AuditChain.link(keys.chain(), from.head(), all,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        AuditEntry last = entries.get(entries.size() - 1);
        ChainHead head = new ChainHead(last.seq(), last.mac());
        byte[] sealedHead = AuditCodec.sealHead(keys.seal(), head);
        if (log.append(from.storedHead(), sealedHead,
                entries.stream().map(e -> AuditCodec.sealEntry(keys.seal(), e)).toList())) {
            position = new Position(sealedHead, head, List.of());
            highestWritten = head.seq();
            return true;
        }
        position = null;
        return false;
    }

    /** A random pause growing with the attempts, so replicas racing for the head stop colliding. */
    private static void backOff(int attempt) {
        long bound = MAX_BACKOFF_STEP_NANOS * Math.min(attempt + 1, 10);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound / 4, bound));
    }

    private Position load() {
        AuditLog.State state = log.state();
        if (!state.hasHead()) {
            return state.length() == 0 && highestWritten == 0
                    ? new Position(state.head(), ChainHead.genesis(), List.of())
                    : recover(state, "head-missing");
        }
        Optional<ChainHead> head = AuditCodec.openHead(keys.seal(), state.head());
        if (head.isEmpty()) {
            return recover(state, "head-unreadable");
        }
        if (head.get().seq() != state.length()) {
            return recover(state, "head-does-not-match-log");
        }
        if (head.get().seq() < highestWritten) {
            return recover(state, "log-rolled-back");
        }
        return new Position(state.head(), head.get(), List.of());
    }

    /** Continues after the last stored entry, and says so in the chain. */
    private Position recover(AuditLog.State state, String reason) {
        LOG.warning(() -> "The stored audit trail was altered (" + reason + "); continuing after its last entry "
                + "and recording the recovery");
        ChainHead after = ChainHead.genesis();
        if (state.length() > 0) {
            byte[] mac = log.range(state.length(), state.length()).stream().findFirst()
                    .flatMap(stored -> AuditCodec.openEntry(keys.seal(), stored)).map(AuditEntry::mac)
                    .orElse(new byte[ChainHead.MAC_BYTES]);
            after = new ChainHead(state.length(), mac);
        }
        Draft recovered = new Draft(Actor.PLATFORM, Action.AUDIT_CHAIN_RECOVERED.name(), "", "",
                Outcome.FAILURE.name(), reason, "");
        return new Position(state.head(), after, List.of(recovered));
    }

    private static void awaitWritten(Pending pending) {
        try {
            pending.written().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AuditUnavailable unavailable ? unavailable
                    : new AuditUnavailable("the entry could not be written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailable("interrupted while writing");
        }
    }
}
