package care.enclave.diagnostics.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import care.enclave.diagnostics.control.DelineationService;
import care.enclave.patients.api.PatientDocuments;
import care.enclave.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Delineation for a patient: {@code POST /patient/{id}/delineate} (multipart {@code img}) checks the record
 * exists before anything goes to the provider, then keeps the result with the record, encrypted as the record
 * is (201); {@code GET /patient/{id}/delineations} lists them, oldest first. Clerks only.
 */
@Tag(name = "Diagnostics")
@SecurityRequirement(name = "staffBasic")
@Path("patient/{id}")
@RolesAllowed("clerk")
@Produces(MediaType.APPLICATION_JSON)
public class PatientDelineationsResource {

    static final String KIND = "delineation";

    @Inject
    DelineationService delineation;

    @Inject
    PatientDocuments documents;

    @Inject
    Clock clock;

    @Inject
    Problems problems;

    @Operation(summary = "Delineate an MRI slice for a patient and keep the result with the record")
    @APIResponse(responseCode = "201", description = "The delineation, as kept", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedType")
    @APIResponse(responseCode = "502", ref = "BadGateway")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "500", ref = "ServerError")
    @POST
    @Path("delineate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response delineate(@PathParam("id") String id, List<EntityPart> form) {
        byte[] image = DelineateResource.image(form);
        documents.requireRecord(id);
        DelineationService.Result delineated = delineation.delineate(image);
        DelineateResource.log(delineated, problems.correlationId());
        JsonObject result = JSON.createObjectBuilder(DelineationJson.of(delineated))
                .add("created", Instant.now(clock).toString()).build();
        documents.add(id, KIND, result.toString().getBytes(StandardCharsets.UTF_8));
        return Response.status(Response.Status.CREATED).entity(result.toString()).build();
    }

    @Operation(summary = "A patient's kept delineations, oldest first")
    @APIResponse(responseCode = "200", description = "The delineations", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "500", ref = "ServerError")
    @GET
    @Path("delineations")
    public String delineations(@PathParam("id") String id) {
        JsonArrayBuilder stored = JSON.createArrayBuilder();
        for (byte[] document : documents.list(id, KIND)) {
            stored.add(JSON.createReader(new ByteArrayInputStream(document)).readObject());
        }
        return JSON.createObjectBuilder().add("delineations", stored).build().toString();
    }
}
