package care.enclave.platform.security;

import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.security.Principal;
import java.util.Arrays;

/**
 * Authorisation for every REST resource, default deny: a method (or its class) must say
 * {@code @PermitAll} or {@code @RolesAllowed}; anything else is refused. Anonymous callers get a 401
 * problem with the challenge that fits what they sent; authenticated callers without the role get 403, and
 * so does a session request that lacks its CSRF token. Basic credentials held back by the password
 * throttle get 429 with {@code Retry-After} wherever they are sent.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControl implements ContainerRequestFilter {

    private static final String BASIC_CHALLENGE = "Basic realm=\"Enclave Care\", charset=\"UTF-8\"";
    private static final String BEARER_CHALLENGE = "Bearer realm=\"Enclave Care\", error=\"invalid_token\"";
    /** RFC 9449 section 7.1: an attestation token whose proof of possession failed. */
    private static final String DPOP_CHALLENGE = "DPoP realm=\"Enclave Care\", error=\"invalid_dpop_proof\", algs=\"ES256\"";
    /** For the portal's own requests: a scheme browsers do not answer with a password dialog. */
    public static final String SESSION_CHALLENGE = "Session realm=\"Enclave Care\"";
    /** Sent by the portal on every request it makes, so its 401s carry {@link #SESSION_CHALLENGE}. */
    public static final String PORTAL_HEADER = "X-Requested-With";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Inject
    Problems problems;

    @Inject
    Event<AccessRefused> refusals;

    @Override
    public void filter(ContainerRequestContext context) {
        AnnotatedElement method = resource.getResourceMethod();
        AnnotatedElement type = resource.getResourceClass();
        if (method == null || method.isAnnotationPresent(DenyAll.class)) {
            context.abortWith(forbidden());
        } else if (request.getAttribute(CallerAuthentication.THROTTLED) instanceof Long wait) {
            // Before @PermitAll too: held-back credentials are refused, never silently dropped.
            announce(context, null, "throttled");
            context.abortWith(problems.respond(Problem.of(429, "Too many failed logins")
                    .detail("Wait before trying again.").retryAfter((int) Math.min(Integer.MAX_VALUE, wait))));
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            require(context, method.getAnnotation(RolesAllowed.class));
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            require(context, type.getAnnotation(RolesAllowed.class));
        } else if (!type.isAnnotationPresent(PermitAll.class)) {
            context.abortWith(forbidden());
        }
    }

    private void require(ContainerRequestContext context, RolesAllowed allowed) {
        Principal caller = context.getSecurityContext().getUserPrincipal();
        Object rejected = request.getAttribute(CallerAuthentication.REJECTED_SCHEME);
        if (caller == null && "csrf".equals(rejected)) {
            announce(context, null, "csrf");
            context.abortWith(problems.respond(Problem.of(403, "Forbidden")
                    .detail("A signed-in session must send its CSRF token (header " + SessionCaller.CSRF_HEADER + ").")));
        } else if (caller == null) {
            if (rejected != null) {
                announce(context, null, rejected.toString());
            }
            context.abortWith(unauthorized());
        } else if (Arrays.stream(allowed.value()).noneMatch(context.getSecurityContext()::isUserInRole)) {
            announce(context, caller, null);
            context.abortWith(forbidden());
        }
    }

    /** Tells observers (the audit trail) who was refused where: the route template, never the path. */
    private void announce(ContainerRequestContext context, Principal caller, String scheme) {
        Object claimed = request.getAttribute(CallerAuthentication.REJECTED_USER);
        refusals.fire(new AccessRefused(caller, scheme, claimed == null ? null : claimed.toString(), request.getRemoteAddr(),
                context.getMethod() + " " + template(), context.getUriInfo().getPathParameters().getFirst("id")));
    }

    private String template() {
        Path type = resource.getResourceClass().getAnnotation(Path.class);
        Path method = resource.getResourceMethod().getAnnotation(Path.class);
        String route = (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
        return route.replaceAll("/{2,}", "/").replaceAll("^/|/$", "");
    }

    private Response unauthorized() {
        Object rejected = request.getAttribute(CallerAuthentication.REJECTED_SCHEME);
        boolean bearer = "bearer".equals(rejected);
        String detail = rejected == null ? "Sign in to use this resource."
                : bearer ? "The bearer token is not valid here." : "The credentials are not valid.";
        Problem unauthorized = Problem.of(401, "Unauthorized").detail(detail);
        Object reason = request.getAttribute(CallerAuthentication.REJECTED_REASON);
        if (reason != null) {
            unauthorized.extension("reason", reason.toString());
        }
        Response problem = problems.respond(unauthorized);
        String challenge = request.getHeader(PORTAL_HEADER) != null ? SESSION_CHALLENGE
                : reason != null && reason.toString().startsWith("PROOF_") ? DPOP_CHALLENGE
                : bearer ? BEARER_CHALLENGE : BASIC_CHALLENGE;
        return Response.fromResponse(problem).header("WWW-Authenticate", challenge).build();
    }

    private Response forbidden() {
        return problems.respond(Problem.of(403, "Forbidden").detail("Your role does not allow this."));
    }
}
