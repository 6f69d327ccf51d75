package care.enclave.portal.boundary;

import care.enclave.portal.control.PortalConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /portal/config}: the expectations the trust panel checks; public, it holds no secret. */
@Path("portal/config")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PortalConfigResource {

    @Inject
    PortalConfig config;

    @GET
    public String config() {
        return config.asJson().toString();
    }
}
