package care.enclave.attestation.boundary;

import care.enclave.attestation.control.KeyRelease;
import care.enclave.platform.attestation.ProofRequest;
import care.enclave.platform.json.JsonBodies;
import care.enclave.platform.problem.InvalidRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.io.InputStream;
import java.util.List;

import static care.enclave.platform.json.JsonSupport.JSON;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Secure key release: {@code POST /keys/{name}/release} with {@code {"target": attestation token}} answers
 * {@code {"value": JWE}}. The token is the credential: it must prove an enclave the key's policy allows, and
 * a {@code DPoP} header must prove the caller holds the key the token's runtime data binds (RFC 9449).
 */
@Path("keys/{name}/release")
@Tag(name = "Attestation")
@SecurityRequirements
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    private static final int MAX_BODY_BYTES = 32 * 1024;

    @Inject
    KeyRelease release;

    @POST
    @Operation(summary = "Secure key release to an attested enclave",
            description = "The attestation token in the body is the credential, with a DPoP header (RFC 9449: ES256, "
                    + "signed by the token's runtime key with kid dpop, htm POST, htu this URL, ath the token's hash); "
                    + "the key's release policy decides.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "KeyReleaseRequest")))
    @APIResponse(responseCode = "200", description = "The key, wrapped",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "KeyReleaseResponse")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "AttestationRefused")
    @APIResponse(responseCode = "403", ref = "AttestationRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String release(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers,
                          InputStream body) {
        if (!name.matches("[A-Za-z0-9-]{1,64}")) {
            throw new InvalidRequest("key names are 1-64 letters, digits and hyphens");
        }
        JsonObject request = JsonBodies.readObject(body, MAX_BODY_BYTES);
        if (!(request.get("target") instanceof JsonString target)) {
            throw new InvalidRequest("target must be an attestation token string");
        }
        List<String> proofs = headers.getRequestHeader("DPoP");
        String proof = proofs == null || proofs.isEmpty() ? null : proofs.size() == 1 ? proofs.get(0) : ProofRequest.SEVERAL;
        ProofRequest proved = new ProofRequest("POST", uri.getRequestUri(), proof);
        return JSON.createObjectBuilder().add("value", release.release(name, target.getString(), proved)).build().toString();
    }
}
