package care.enclave.inference.boundary;

import care.enclave.inference.control.SealedInference;
import care.enclave.platform.openinference.KServeBinary;
import care.enclave.platform.problem.BoundedBody;
import care.enclave.platform.problem.InvalidRequest;
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

/**
 * {@code POST /inference/v2/models/{name}/infer}: an Open Inference Protocol request sealed to this enclave,
 * from an attested enclave allowed to call (bearer attestation token), answered sealed to it. With the binary
 * tensor data extension the sealed plaintext's JSON header length travels as {@code Inference-Header-Content-Length},
 * in the request and in the answer, as the extension has it; it is checked against the opened plaintext.
 */
@Path("inference/v2/models/{name}/infer")
@RolesAllowed("enclave")
@Produces(MediaType.APPLICATION_JSON)
public class InferResource {

    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    @Inject
    SealedInference inference;

    @POST
    public Response infer(@PathParam("name") String name, @HeaderParam("X-Request-Id") String requestId,
                          @HeaderParam(KServeBinary.HEADER_LENGTH) String headerLength, InputStream body) {
        if (requestId == null || !requestId.matches("[A-Za-z0-9-]{8,64}")) {
            throw new InvalidRequest("X-Request-Id must be 8-64 letters, digits or hyphens");
        }
        SealedInference.Answer answer = inference.infer(name, requestId,
                new String(BoundedBody.read(body, MAX_BODY_BYTES), StandardCharsets.UTF_8), headerLength);
        Response.ResponseBuilder response = Response.ok(answer.sealed());
        answer.headerLength().ifPresent(length -> response.header(KServeBinary.HEADER_LENGTH, length));
        return response.build();
    }
}
