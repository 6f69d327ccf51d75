package care.enclave.inference.boundary;

import care.enclave.inference.control.SealedInference;
import care.enclave.platform.openinference.KServeBinary;
import care.enclave.platform.problem.BoundedBody;
import care.enclave.platform.problem.InvalidRequest;
import care.enclave.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /inference/v2/models/{name}/infer}: an Open Inference Protocol request sealed to this enclave,
 * from an attested enclave allowed to call (its attestation token for this provider's audience with a DPoP proof of
 * the key the token binds, both checked by {@code CallerEnclaves} before this runs), answered sealed to it. With the binary
 * tensor data extension the sealed plaintext's JSON header length travels as {@code Inference-Header-Content-Length},
 * in the request and in the answer, as the extension has it; it is checked against the opened plaintext.
 */
@Path("inference/v2/models/{name}/infer")
@Tag(name = "Inference")
@SecurityRequirementsSet({@SecurityRequirement(name = "enclaveAttestation"), @SecurityRequirement(name = "dpopProof")})
@RolesAllowed("enclave")
@Produces(MediaType.APPLICATION_JSON)
public class InferResource {

    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(InferResource.class.getName());

    @Inject
    SealedInference inference;

    @Inject
    Problems problems;

    @POST
    @Operation(summary = "Run a model on a sealed request",
            description = "An Open Inference Protocol request HPKE-sealed to the provider's attested key, with the model "
                    + "name and X-Request-Id as associated data; answered sealed to the caller. The caller's attestation "
                    + "token (Authorization: DPoP) must come with a DPoP proof header signed by the key it binds.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "SealedMessage")))
    @APIResponse(responseCode = "200", description = "The sealed answer",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SealedMessage")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "422", ref = "Invalid")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public Response infer(@PathParam("name") String name, @HeaderParam("X-Request-Id") String requestId,
                          @HeaderParam(KServeBinary.HEADER_LENGTH) String headerLength, InputStream body) {
        if (requestId == null || !requestId.matches("[A-Za-z0-9-]{8,64}")) {
            throw new InvalidRequest("X-Request-Id must be 8-64 letters, digits or hyphens");
        }
        long start = System.nanoTime();
        SealedInference.Answer answer = inference.infer(name, requestId,
                new String(BoundedBody.read(body, MAX_BODY_BYTES), StandardCharsets.UTF_8), headerLength);
        // The model name and the caller's correlation id only: the request and the answer are sealed data.
        LOG.info(() -> "Sealed inference with model " + name + " answered in " + (System.nanoTime() - start) / 1_000_000
                + " ms [correlationId=" + problems.correlationId() + "]");
        Response.ResponseBuilder response = Response.ok(answer.sealed());
        answer.headerLength().ifPresent(length -> response.header(KServeBinary.HEADER_LENGTH, length));
        return response.build();
    }
}
