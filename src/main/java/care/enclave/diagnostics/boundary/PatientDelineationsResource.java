package care.enclave.diagnostics.boundary;

import care.enclave.diagnostics.control.DelineationService;
import care.enclave.patients.api.PatientDocuments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Delineation for a patient: {@code POST /patient/{id}/delineate} (multipart {@code img}) checks the record
 * exists before anything goes to the provider, then keeps the result with the record, encrypted as the record
 * is (201); {@code GET /patient/{id}/delineations} lists them, oldest first. Clerks only.
 */
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

    @POST
    @Path("delineate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response delineate(@PathParam("id") String id, @FormParam("img") EntityPart img) {
        byte[] image = DelineateResource.image(img);
        documents.requireRecord(id);
        JsonObject result = JSON.createObjectBuilder(DelineationJson.of(delineation.delineate(image)))
                .add("created", Instant.now(clock).toString()).build();
        documents.add(id, KIND, result.toString().getBytes(StandardCharsets.UTF_8));
        return Response.status(Response.Status.CREATED).entity(result.toString()).build();
    }

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
