package care.enclave.audit.api;

import java.util.Objects;

/**
 * One thing to record. {@code recordId} is the record's id as the caller knows it: the trail keeps only a
 * keyed hash of it. {@code target} names a non-personal object (an enclave measurement, a key name, a
 * route template) and {@code reason} is a fixed code from the program, never input; neither may carry
 * patient data.
 *
 * @param recordId the record acted on, or null
 * @param target   a non-personal object acted on, or null
 * @param reason   why it ended so (e.g. {@code exists}, {@code POLICY_VIOLATION}), or null
 */
public record AuditEvent(Action action, Outcome outcome, String recordId, String target, String reason) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEvent success(Action action) {
        return new AuditEvent(action, Outcome.SUCCESS, null, null, null);
    }

    public static AuditEvent failure(Action action, String reason) {
        return new AuditEvent(action, Outcome.FAILURE, null, null, reason);
    }

    public static AuditEvent denied(Action action, String reason) {
        return new AuditEvent(action, Outcome.DENIED, null, null, reason);
    }

    public AuditEvent onRecord(String id) {
        return new AuditEvent(action, outcome, id, target, reason);
    }

    public AuditEvent on(String nonPersonalTarget) {
        return new AuditEvent(action, outcome, recordId, nonPersonalTarget, reason);
    }
}
