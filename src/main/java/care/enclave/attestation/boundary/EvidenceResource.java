package care.enclave.attestation.boundary;

import care.enclave.attestation.control.EvidenceService;
import care.enclave.attestation.control.EvidenceService.Evidence;
import care.enclave.platform.problem.InvalidRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Base64;

import static care.enclave.platform.json.JsonSupport.JSON;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This enclave's evidence, for anyone who wants to attest it: {@code GET /attestation/evidence?nonce=...}
 * ({@code {quote, runtimeData, kind}}, base64url) and the seed's {@code GET /sgx_report}
 * ({@code {sgx_quote, sgx_ehd}}).
 */
@Path("")
@Tag(name = "Attestation")
@SecurityRequirements
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    @Inject
    EvidenceService evidence;

    @GET
    @Path("attestation/evidence")
    @Operation(summary = "This platform enclave's evidence", description = "Binds the enclave's public keys and the nonce.")
    @APIResponse(responseCode = "200", description = "The evidence",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Evidence")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String evidence(@QueryParam("nonce") String nonce) {
        Evidence produced = evidence.produce(validNonce(nonce));
        return JSON.createObjectBuilder()
                .add("quote", b64(produced.quote()))
                .add("runtimeData", b64(produced.runtimeData().data()))
                .add("kind", produced.kind())
                .build().toString();
    }

    @GET
    @Path("sgx_report")
    @Operation(summary = "The same evidence in the seed's shape")
    @APIResponse(responseCode = "200", description = "The evidence",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "SgxReport")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String sgxReport(@QueryParam("nonce") String nonce) {
        Evidence produced = evidence.produce(validNonce(nonce));
        return JSON.createObjectBuilder()
                .add("sgx_quote", b64(produced.quote()))
                .add("sgx_ehd", b64(produced.runtimeData().data()))
                .build().toString();
    }

    private static String validNonce(String nonce) {
        if (nonce != null && !nonce.matches("[A-Za-z0-9._~-]{1,128}")) {
            throw new InvalidRequest("nonce must be 1-128 characters of A-Z a-z 0-9 . _ ~ -");
        }
        return nonce;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
