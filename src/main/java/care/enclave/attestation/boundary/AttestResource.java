package care.enclave.attestation.boundary;

import care.enclave.attestation.control.AttestRequest;
import care.enclave.attestation.control.AttestationService;
import care.enclave.platform.json.JsonBodies;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;

import static care.enclave.platform.json.JsonSupport.JSON;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Azure Attestation's attest API: anyone may present evidence; only evidence that verifies and satisfies
 * the policy gets a token ({@code {"token": JWT}}).
 */
@Path("attest")
@Tag(name = "Attestation", description = "Azure-Attestation-compatible service: evidence in, signed token out")
@SecurityRequirements
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class AttestResource {

    @Inject
    AttestationService attestation;

    @POST
    @Path("SgxEnclave")
    @Operation(summary = "Attest an SGX quote", description = "Public: only evidence that verifies and satisfies the policy gets a token.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "AttestRequest")))
    @APIResponse(responseCode = "200", description = "The attestation token",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Token")))
    @APIResponse(responseCode = "400", ref = "AttestationRefused")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String sgx(@QueryParam("api-version") String apiVersion, InputStream body) {
        AttestRequest.requireApiVersion(apiVersion);
        AttestRequest request = AttestRequest.parse(JsonBodies.readObject(body, AttestRequest.MAX_BODY_BYTES), "quote");
        return token(attestation.attestSgx(request.evidence(), request.runtimeData(), request.nonce(),
                request.audience(), request.collateral()));
    }

    @POST
    @Path("OpenEnclave")
    @Operation(summary = "Attest an Open Enclave report")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "AttestRequest")))
    @APIResponse(responseCode = "200", description = "The attestation token",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Token")))
    @APIResponse(responseCode = "400", ref = "AttestationRefused")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String openEnclave(@QueryParam("api-version") String apiVersion, InputStream body) {
        AttestRequest.requireApiVersion(apiVersion);
        AttestRequest request = AttestRequest.parse(JsonBodies.readObject(body, AttestRequest.MAX_BODY_BYTES), "report");
        return token(attestation.attestOpenEnclave(request.evidence(), request.runtimeData(), request.nonce(),
                request.audience(), request.collateral()));
    }

    private static String token(String jwt) {
        return JSON.createObjectBuilder().add("token", jwt).build().toString();
    }
}
