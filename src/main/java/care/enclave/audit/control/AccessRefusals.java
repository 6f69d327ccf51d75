package care.enclave.audit.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.entity.Actor;
import care.enclave.platform.security.AccessRefused;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins and refused roles, as the platform's access control announces them. A rejected login is
 * recorded under the staff account it claimed (kind {@code claimed}: presented, not proven), never with
 * the password or token. Repeated rejected logins from one client are counted ({@link RepeatedRefusals}):
 * the count is written as one entry of target {@code repeated:<n>} when its window closes, checked every
 * few seconds and at shutdown.
 */
@ApplicationScoped
public class AccessRefusals {

    private final RepeatedRefusals repeated = new RepeatedRefusals(System::nanoTime);
    private ScheduledExecutorService flusher;

    @Inject
    AuditRecorder recorder;

    @Inject
    RequestCaller caller;

    @PostConstruct
    void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-repeated-refusals");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        flusher.shutdownNow();
        flush();
    }

    void refused(@Observes AccessRefused refusal) {
        boolean signIn = refusal.caller() == null;
        String reason = !signIn ? "role-not-allowed" : "throttled".equals(refusal.scheme()) ? "credentials-throttled"
                : refusal.scheme() + "-credentials-rejected";
        Action action = signIn ? Action.SIGN_IN : Action.ACCESS;
        Actor actor = !signIn ? Actors.of(refusal.caller())
                : refusal.claimedUser() != null ? Actors.claimed(refusal.claimedUser()) : Actor.ANONYMOUS;
        if (signIn && !repeated.first(new RepeatedRefusals.Key(String.valueOf(refusal.client()), actor, reason),
                caller.correlation())) {
            return;
        }
        recorder.record(AuditEvent.denied(action, reason).onRecord(refusal.recordId()).on(refusal.route()),
                actor, caller.correlation());
    }

    /** Best effort, like every refusal: a write that fails is counted as lost by the recorder. */
    void flush() {
        try {
            for (RepeatedRefusals.Repeated r : repeated.closed()) {
                recorder.record(AuditEvent.denied(Action.SIGN_IN, r.key().reason()).on("repeated:" + r.count()),
                        r.key().actor(), r.correlation());
            }
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(AccessRefusals.class.getName())
                    .warning(() -> "Counted refusals not written: " + e.getClass().getSimpleName());
        }
    }
}
