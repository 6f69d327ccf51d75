package care.enclave.diagnostics.client;

import care.enclave.platform.openinference.KServeBinary;
import care.enclave.platform.problem.CorrelationHeader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The diagnostics provider's inference API as this platform calls it, over HTTPS whether the provider runs
 * in this server (embedded default) or in its own enclave elsewhere: only the URL differs
 * ({@code inference/mp-rest/url}, with {@code connectTimeout} and {@code readTimeout}). Every call carries the
 * correlation id of the request it serves, which the provider logs.
 */
@Path("/inference")
@RegisterRestClient(configKey = "inference")
@RegisterProvider(ProviderResponses.class)
@RegisterProvider(CorrelationHeader.class)
public interface InferenceApi {

    @GET
    @Path("attestation/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    String evidence(@QueryParam("nonce") String nonce);

    @GET
    @Path("v2/models/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    String metadata(@PathParam("name") String model);

    @POST
    @Path("v2/models/{name}/infer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response infer(@PathParam("name") String model, @HeaderParam("X-Request-Id") String requestId,
                   @HeaderParam("Authorization") String attestationToken, @HeaderParam("DPoP") String proof,
                   @HeaderParam(KServeBinary.HEADER_LENGTH) String headerLength, String sealedRequest);

    /** A sealed answer and its {@code Inference-Header-Content-Length} (null when it holds no binary tensors). */
    record SealedAnswer(String sealed, String headerLength) {
    }

    /** {@link #infer}, with the answer's body and header read here so that no HTTP type reaches the caller. */
    default SealedAnswer inferSealed(String model, String requestId, String attestationToken, String proof,
                                     String headerLength, String sealedRequest) {
        try (Response response = infer(model, requestId, attestationToken, proof, headerLength, sealedRequest)) {
            if (response.getStatus() >= 400) {
                // Implementations differ on whether response exception mappers run for a Response return type.
                throw new ProviderResponses().toThrowable(response);
            }
            return new SealedAnswer(response.readEntity(String.class), response.getHeaderString(KServeBinary.HEADER_LENGTH));
        }
    }
}
