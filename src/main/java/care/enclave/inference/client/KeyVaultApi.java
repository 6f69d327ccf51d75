package care.enclave.inference.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The attestation service and key vault that release the provider's shared request key (Azure Attestation
 * and Key Vault secure key release semantics, as the platform's attestation module serves them). Built with
 * {@code RestClientBuilder} from {@code inference.request-key.vault-url}, because only replicas configured
 * for key release call it.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface KeyVaultApi {

    @POST
    @Path("attest/SgxEnclave")
    String attest(@jakarta.ws.rs.QueryParam("api-version") String apiVersion, String evidence);

    @POST
    @Path("keys/{name}/release")
    String release(@PathParam("name") String keyName, @HeaderParam("DPoP") String proof, String target);
}
