package care.enclave.audit.boundary;

import care.enclave.audit.control.RequestCaller;
import care.enclave.platform.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Notes who calls (as authenticated before the REST layer) and the request's correlation id, before
 * access control runs, so every entry of this request, refusals included, names its actor.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {

    @Inject
    RequestCaller caller;

    @Inject
    Problems problems;

    @Override
    public void filter(ContainerRequestContext context) {
        caller.note(context.getSecurityContext().getUserPrincipal(), problems.correlationId());
    }
}
