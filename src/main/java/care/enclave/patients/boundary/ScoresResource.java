package care.enclave.patients.boundary;

import care.enclave.patients.control.PatientJson;
import care.enclave.patients.control.PatientRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /score/{id}}: the risk score alone, for clerks and attested partners. */
@RolesAllowed({"clerk", "partner"})
@Path("score/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    @Inject
    PatientRegistry registry;

    @GET
    public String score(@PathParam("id") String id) {
        return PatientJson.score(registry.readScore(id)).toString();
    }
}
