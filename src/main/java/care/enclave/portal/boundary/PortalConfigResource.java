package care.enclave.portal.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import care.enclave.portal.control.PortalConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /portal/config}: the expectations the trust panel checks; public, it holds no secret. */
@Path("portal/config")
@Tag(name = "Portal")
@SecurityRequirements
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PortalConfigResource {

    @Inject
    PortalConfig config;

    @Operation(summary = "What the portal's trust panel expects of the platform")
    @APIResponse(responseCode = "200", description = "Expected MRENCLAVE, issuer and debug/simulation settings", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "500", ref = "ServerError")
    @GET
    public String config() {
        return config.asJson().toString();
    }
}
