package care.enclave.diagnostics.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Delineation for a hospital's systems, as a typed MicroProfile REST Client ({@code enclave-care/mp-rest/url}).
 * A clerk's credentials are required (register a filter sending HTTP Basic). Build the part with
 * {@code EntityPart.withName("img").fileName("slice.png").mediaType("image/png").content(bytes).build()}.
 */
@Path("/delineate")
@RegisterRestClient(configKey = "enclave-care")
public interface DelineationClient {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Delineation delineate(@FormParam("img") EntityPart image);
}
