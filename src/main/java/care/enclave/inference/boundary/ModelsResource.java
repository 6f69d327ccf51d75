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

/**
 * What the provider serves, in public: model metadata and statistics (Open Inference Protocol), readiness,
 * and the provider enclave's evidence binding its request key and the models' hashes.
 */
@Path("inference")
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
    public String metadata(@PathParam("name") String name) {
        return KServeJson.metadata(models.info(name)).toString();
    }

    /** The statistics extension: counts and durations of the sealed requests that reached the model. */
    @GET
    @Path("v2/models/{name}/stats")
    public String statistics(@PathParam("name") String name) {
        return statistics.statistics(name, models.info(name).sha256()).toString();
    }

    @GET
    @Path("v2/health/ready")
    public String ready() {
        return JSON.createObjectBuilder().add("ready", !models.models().isEmpty())
                .add("models", models.models().size()).add("queued", models.queueDepth()).build().toString();
    }

    @GET
    @Path("attestation/evidence")
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
