package care.enclave.audit.control;

import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.audit.api.AuditUnavailable;
import care.enclave.audit.api.Outcome;
import care.enclave.audit.control.AuditChain.Draft;
import care.enclave.audit.entity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * {@link AuditTrail} for the modules: turns an event into a draft (actor and correlation id from the
 * request, the record id replaced by its keyed hash) and writes it. A {@code SUCCESS} that cannot be
 * written fails the operation; a refusal or failure that cannot be written is logged and counted as lost.
 */
@ApplicationScoped
public class AuditRecorder implements AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

    @Inject
    ChainWriter writer;

    @Inject
    AuditKeys keys;

    @Inject
    RequestCaller caller;

    @Override
    public void record(AuditEvent event) {
        Actor actor;
        String correlation;
        try {
            actor = caller.actor();
            correlation = caller.correlation();
        } catch (ContextNotActiveException outsideARequest) {
            actor = Actor.PLATFORM;
            correlation = "";
        }
        record(event, actor, correlation);
    }

    void record(AuditEvent event, Actor actor, String correlation) {
        Draft draft = new Draft(actor, event.action().name(),
                event.recordId() == null ? "" : keys.subjectOf(event.recordId()), text(event.target()),
                event.outcome().name(), text(event.reason()), correlation);
        try {
            writer.write(draft);
        } catch (AuditUnavailable unavailable) {
            if (event.outcome() == Outcome.SUCCESS) {
                throw unavailable;
            }
            writer.countLost();
            LOG.warning(() -> "Audit entry lost (" + event.action() + " " + event.outcome() + "): "
                    + unavailable.getMessage());
        }
    }

    private static String text(String value) {
        return value == null ? "" : Actors.printable(value);
    }
}
