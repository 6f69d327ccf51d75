package care.enclave.platform.security;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands the caller {@link CallerAuthentication} established to JAX-RS, before any other filter runs, so
 * {@link AccessControl}, the audit trail and the resources all see that caller and only that caller (an
 * anonymous one when nothing was established: the container's identity is never a fallback).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CallerSecurityContext implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Object established = request.getAttribute(CallerAuthentication.CALLER);
        context.setSecurityContext(established instanceof EstablishedCaller caller ? caller
                : EstablishedCaller.anonymous(request.isSecure()));
    }
}
