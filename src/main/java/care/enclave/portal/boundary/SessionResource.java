package care.enclave.portal.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(name = "Portal", description = "The web portal's session sign-in (JSON only)")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final int MAX_BODY_BYTES = 2048;

    @Inject
    SessionSignIn sessions;

    @Inject
    Problems problems;

    @Context
    HttpServletRequest request;

    @Operation(summary = "Sign in (opens a session; answers its CSRF token)")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "415", ref = "UnsupportedType")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins: wait for Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "500", ref = "ServerError")
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public String signIn(InputStream body) {
        JsonObject credentials = JsonBodies.readObject(body, MAX_BODY_BYTES);
        return describe(sessions.signIn(request, text(credentials, "username"), text(credentials, "password")));
    }

    @Operation(summary = "Who is signed in (and the session's CSRF token)")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The signed-in caller", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "500", ref = "ServerError")
    @GET
    @PermitAll
    public Response current() {
        return sessions.current(request).map(caller -> Response.ok(describe(caller)).build())
                .orElseGet(() -> Response.fromResponse(problems.respond(Problem.of(401, "Unauthorized")
                                .detail("Not signed in.")))
                        .header("WWW-Authenticate", AccessControl.SESSION_CHALLENGE).build());
    }

    @Operation(summary = "Sign out")
    @SecurityRequirement(name = "staffBasic")
    @APIResponse(responseCode = "204", description = "Signed out", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "500", ref = "ServerError")
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
