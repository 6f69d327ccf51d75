package care.enclave.attestation.boundary;

import care.enclave.attestation.control.PolicyStore;
import care.enclave.platform.json.JsonBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
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
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the SGX attestation policy")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "Policy")))
    @APIResponse(responseCode = "200", description = "The new policy",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Policy")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedType")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String replace(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        requireJson(contentType);
        policies.replace(JsonBodies.readObjectWithUniqueKeys(body, MAX_BODY_BYTES));
        return read();
    }

    /**
     * {@code @Consumes} alone lets a request without Content-Type through (it matches any type), so the header
     * is required here: application/json, in UTF-8 if a charset is named.
     */
    static void requireJson(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()
                || type.isWildcardSubtype() || charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new NotSupportedException("The policy must be sent as application/json");
        }
    }
}
