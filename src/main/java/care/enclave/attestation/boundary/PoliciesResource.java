package care.enclave.attestation.boundary;

import care.enclave.attestation.control.PolicyStore;
import care.enclave.platform.json.JsonBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SGX attestation policy: read and replaced by operators only. */
@Path("policies/SgxEnclave")
@Tag(name = "Operations", description = "For the operator account: attestation policy and signing keys")
@SecurityRequirement(name = "staffBasic")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    PolicyStore policies;

    @GET
    @Operation(summary = "Read the SGX attestation policy")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Policy")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String read() {
        return PolicyStore.toJson(policies.current()).toString();
    }

    @PUT
    @Operation(summary = "Replace the SGX attestation policy")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Policy")))
    @APIResponse(responseCode = "200", description = "The new policy",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Policy")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String replace(InputStream body) {
        policies.replace(JsonBodies.readObject(body, MAX_BODY_BYTES));
        return read();
    }
}
