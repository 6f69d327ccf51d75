package care.enclave.patients.boundary;

import care.enclave.patients.control.PatientJson;
import care.enclave.patients.control.PatientRegistry;
import care.enclave.patients.entity.Patient;
import care.enclave.platform.security.PublicOrigin;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The seed's patient API: {@code POST /patient/{id}} (form or JSON) creates a record once;
 * {@code GET /patient/{id}} reads it. Clerks only. The body is read raw so that size,
 * encoding and duplicate fields are judged by {@code control.IntakeReader}, not by a framework default.
 */
@RolesAllowed("clerk")
@Path("patient/{id}")
@Tag(name = "Patients", description = "Patient records, encrypted in Redis (clerks)")
@SecurityRequirement(name = "staffBasic")
@Produces(MediaType.APPLICATION_JSON)
public class PatientsResource {

    @Inject
    PatientRegistry registry;

    @Inject
    PublicOrigin publicOrigin;

    @POST
    @Operation(summary = "Admit a patient", description = "Creates the record once (never overwritten) and scores it.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "application/x-www-form-urlencoded", schema = @Schema(ref = "PatientForm")),
            @Content(mediaType = "application/json", schema = @Schema(ref = "PatientForm"))})
    @APIResponse(responseCode = "201", description = "Created, with the score",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Patient")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public Response admit(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          InputStream body) {
        Patient patient = registry.admit(id, contentType, body);
        // The configured origin and the validated id, never the request's Host header or URI.
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION,
                        publicOrigin.resolve("/patient/" + patient.id()))
                .entity(PatientJson.patient(patient).toString()).build();
    }

    @GET
    @Operation(summary = "Read a patient record")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Patient")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String read(@PathParam("id") String id) {
        return PatientJson.patient(registry.read(id)).toString();
    }
}
