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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /score/{id}}: the risk score alone, for clerks and attested partners. */
@RolesAllowed({"clerk", "partner"})
@Path("score/{id}")
@Tag(name = "Patients")
@SecurityRequirementsSet(@SecurityRequirement(name = "staffBasic"))
@SecurityRequirementsSet(@SecurityRequirement(name = "partnerJwt"))
@SecurityRequirementsSet({@SecurityRequirement(name = "enclaveAttestation"), @SecurityRequirement(name = "dpopProof")})
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    @Inject
    PatientRegistry registry;

    @GET
    @Operation(summary = "Read a patient's risk score", description = "For clerks, partners and attested partner enclaves.")
    @APIResponse(responseCode = "200", description = "The score",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Score")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String score(@PathParam("id") String id) {
        return PatientJson.score(registry.readScore(id)).toString();
    }
}
