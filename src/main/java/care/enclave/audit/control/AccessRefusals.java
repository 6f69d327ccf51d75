package care.enclave.audit.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.entity.Actor;
import care.enclave.platform.security.AccessRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Failed sign-ins and refused roles, as the platform's access control announces them. A rejected login is
 * recorded under the staff account it claimed (kind {@code claimed}: presented, not proven), never with
 * the password or token.
 */
@ApplicationScoped
public class AccessRefusals {

    @Inject
    AuditRecorder recorder;

    @Inject
    RequestCaller caller;

    void refused(@Observes AccessRefused refusal) {
        boolean signIn = refusal.caller() == null;
        AuditEvent event = AuditEvent.denied(signIn ? Action.SIGN_IN : Action.ACCESS,
                        signIn ? refusal.scheme() + "-credentials-rejected" : "role-not-allowed")
                .onRecord(refusal.recordId()).on(refusal.route());
        Actor actor = !signIn ? Actors.of(refusal.caller())
                : refusal.claimedUser() != null ? Actors.claimed(refusal.claimedUser()) : Actor.ANONYMOUS;
        recorder.record(event, actor, caller.correlation());
    }
}
