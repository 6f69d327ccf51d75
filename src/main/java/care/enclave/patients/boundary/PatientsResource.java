package care.enclave.patients.boundary;

import care.enclave.patients.control.PatientJson;
import care.enclave.patients.control.PatientRegistry;
import care.enclave.patients.entity.Patient;
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
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.io.InputStream;

/**
 * The seed's patient API: {@code POST /patient/{id}} (form or JSON) creates a record once;
 * {@code GET /patient/{id}} reads it. Clerks only. The body is read raw so that size,
 * encoding and duplicate fields are judged by {@code control.IntakeReader}, not by a framework default.
 */
@RolesAllowed("clerk")
@Path("patient/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class PatientsResource {

    @Inject
    PatientRegistry registry;

    @POST
    public Response admit(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                          InputStream body, @Context UriInfo uri) {
        Patient patient = registry.admit(id, contentType, body);
        // Built from the validated id, not the request URI: a query string the URI parser rejects would
        // otherwise fail the response after the record was stored.
        return Response.created(uri.getBaseUriBuilder().path("patient").path(patient.id()).build())
                .entity(PatientJson.patient(patient).toString()).build();
    }

    @GET
    public String read(@PathParam("id") String id) {
        return PatientJson.patient(registry.read(id)).toString();
    }
}
