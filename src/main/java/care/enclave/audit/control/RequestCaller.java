package care.enclave.audit.control;

import care.enclave.audit.entity.Actor;
import jakarta.enterprise.context.RequestScoped;

import java.security.Principal;

/**
 * The caller of the current request and its correlation id, noted by {@code audit.boundary.CallerFilter}
 * when the request reaches the REST layer. Unnoted (the platform starting, a background task) means the
 * platform itself acts.
 */
@RequestScoped
public class RequestCaller {

    private Actor actor;
    private String correlation = "";

    public void note(Principal principal, String correlationId) {
        actor = Actors.of(principal);
        correlation = correlationId == null ? "" : correlationId;
    }

    Actor actor() {
        return actor == null ? Actor.PLATFORM : actor;
    }

    String correlation() {
        return correlation;
    }
}
