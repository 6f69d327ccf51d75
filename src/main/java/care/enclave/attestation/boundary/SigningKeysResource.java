package care.enclave.attestation.boundary;

import care.enclave.attestation.control.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static care.enclave.platform.json.JsonSupport.JSON;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators rotate the token signing key: the new key signs from now on, the old one stays published in
 * /certs until every token it signed has expired.
 */
@Path("attestation/signing-keys/rotate")
@Tag(name = "Operations")
@SecurityRequirement(name = "staffBasic")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

    @Inject
    SigningKeys keys;

    @POST
    @Operation(summary = "Rotate the token signing key")
    @APIResponse(responseCode = "200", description = "The new key's id",
            content = @Content(mediaType = "application/json", example = "{\"kid\":\"q2Vb0y3f8mX1aZ4c\"}"))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String rotate() {
        return JSON.createObjectBuilder().add("kid", keys.rotate()).build().toString();
    }
}
