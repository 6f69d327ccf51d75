package care.enclave.portal.boundary;

import care.enclave.platform.json.JsonBodies;
import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import care.enclave.platform.security.AccessControl;
import care.enclave.platform.security.SessionCaller;
import care.enclave.platform.security.SessionSignIn;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The portal's sign-in: {@code POST /auth/session} {@code {username, password}} opens a session and
 * answers the caller with the session's CSRF token; {@code GET} tells the page who is signed in (and the
 * token again, after a reload); {@code DELETE} signs out. JSON only, so a cross-site form cannot sign
 * anyone in.
 */
@Path("auth/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final int MAX_BODY_BYTES = 2048;

    @Inject
    SessionSignIn sessions;

    @Inject
    Problems problems;

    @Context
    HttpServletRequest request;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public String signIn(InputStream body) {
        JsonObject credentials = JsonBodies.readObject(body, MAX_BODY_BYTES);
        return describe(sessions.signIn(request, text(credentials, "username"), text(credentials, "password")));
    }

    @GET
    @PermitAll
    public Response current() {
        return sessions.current(request).map(caller -> Response.ok(describe(caller)).build())
                .orElseGet(() -> Response.fromResponse(problems.respond(Problem.of(401, "Unauthorized")
                                .detail("Not signed in.")))
                        .header("WWW-Authenticate", AccessControl.SESSION_CHALLENGE).build());
    }

    @DELETE
    @RolesAllowed({"clerk", "operator"})
    public Response signOut() {
        sessions.signOut(request);
        return Response.noContent().build();
    }

    private String describe(SessionCaller caller) {
        return JSON.createObjectBuilder()
                .add("user", caller.name())
                .add("roles", JSON.createArrayBuilder(caller.roles()))
                .add("csrfToken", caller.csrfToken())
                .add("idleTimeoutSeconds", sessions.idleTimeoutSeconds(request))
                .build().toString();
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
