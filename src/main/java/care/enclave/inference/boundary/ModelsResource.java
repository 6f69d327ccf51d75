package care.enclave.inference.boundary;

import care.enclave.inference.control.InferenceService;
import care.enclave.inference.control.KServeJson;
import care.enclave.inference.control.ModelStatistics;
import care.enclave.inference.control.ProviderIdentity;
import care.enclave.platform.problem.InvalidRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * What the provider serves, in public: model metadata and statistics (Open Inference Protocol), readiness,
 * and the provider enclave's evidence binding its request key and the models' hashes.
 */
@Path("inference")
@Tag(name = "Inference", description = "The diagnostics provider's service (Open Inference Protocol, sealed)")
@SecurityRequirements
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    @Inject
    InferenceService models;

    @Inject
    ProviderIdentity identity;

    @Inject
    ModelStatistics statistics;

    @GET
    @Path("v2/models/{name}")
    @Operation(summary = "A served model's metadata and SHA-256")
    @APIResponse(responseCode = "200", description = "The metadata",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ModelMetadata")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String metadata(@PathParam("name") String name) {
        return KServeJson.metadata(models.info(name)).toString();
    }

    /** The statistics extension: counts and durations of the sealed requests that reached the model. */
    @Operation(summary = "Inference statistics of a model (counts and durations only)")
    @APIResponse(responseCode = "200", description = "Open Inference Protocol statistics", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "500", ref = "ServerError")
    @GET
    @Path("v2/models/{name}/stats")
    public String statistics(@PathParam("name") String name) {
        return statistics.statistics(name, models.info(name).sha256()).toString();
    }

    @GET
    @Path("v2/health/ready")
    @Operation(summary = "Whether models are served (KServe readiness)")
    @APIResponse(responseCode = "200", description = "Readiness",
            content = @Content(mediaType = "application/json", example = "{\"ready\":true,\"models\":1,\"queued\":0}"))
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String ready() {
        return JSON.createObjectBuilder().add("ready", !models.models().isEmpty())
                .add("models", models.models().size()).add("queued", models.queueDepth()).build().toString();
    }

    @GET
    @Path("attestation/evidence")
    @Operation(summary = "The provider enclave's evidence", description = "Binds its request key and the served models' hashes.")
    @APIResponse(responseCode = "200", description = "The evidence",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Evidence")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String evidence(@QueryParam("nonce") String nonce) {
        if (nonce != null && !nonce.matches("[A-Za-z0-9._~-]{1,128}")) {
            throw new InvalidRequest("nonce must be 1-128 characters of A-Z a-z 0-9 . _ ~ -");
        }
        ProviderIdentity.ProviderEvidence evidence = identity.evidence(nonce);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return JSON.createObjectBuilder().add("quote", b64.encodeToString(evidence.quote()))
                .add("runtimeData", b64.encodeToString(evidence.runtimeData())).build().toString();
    }
}
