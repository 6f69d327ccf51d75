package care.enclave.attestation.boundary;

import care.enclave.attestation.control.PolicyStore;
import care.enclave.platform.json.JsonBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

/** The SGX attestation policy: read and replaced by operators only. */
@Path("policies/SgxEnclave")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class PoliciesResource {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    @Inject
    PolicyStore policies;

    @GET
    public String read() {
        return PolicyStore.toJson(policies.current()).toString();
    }

    @PUT
    public String replace(InputStream body) {
        policies.replace(JsonBodies.readObject(body, MAX_BODY_BYTES));
        return read();
    }
}
