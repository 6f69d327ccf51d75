package it.care.enclave;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** The typed view a partner's REST client has of the patients API (MicroShed Testing is javax-based). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface PatientsApi {

    @POST
    @Path("patient/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    PatientView admit(@PathParam("id") String id, PatientForm form);

    @GET
    @Path("patient/{id}")
    PatientView read(@PathParam("id") String id);

    @GET
    @Path("score/{id}")
    PatientView score(@PathParam("id") String id);
}
