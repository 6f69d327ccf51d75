package care.enclave.patients.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The scores API for partners, as a typed MicroProfile REST Client ({@code enclave-care/mp-rest/url} names
 * the platform). Credentials are the caller's: register a filter that sends {@code Authorization: Bearer}
 * with the partner's JWT (or an attested enclave's token). Errors arrive as {@code WebApplicationException}s
 * whose response body is an {@code application/problem+json} document.
 */
@Path("/score")
@RegisterRestClient(configKey = "enclave-care")
public interface ScoresClient {

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Score score(@PathParam("id") String patientId);
}
