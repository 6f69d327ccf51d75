package care.enclave.attestation.boundary;

import care.enclave.attestation.control.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Operators rotate the token signing key: the new key signs from now on, the old one stays published in
 * /certs until every token it signed has expired.
 */
@Path("attestation/signing-keys/rotate")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

    @Inject
    SigningKeys keys;

    @POST
    public String rotate() {
        return JSON.createObjectBuilder().add("kid", keys.rotate()).build().toString();
    }
}
