package care.enclave.diagnostics.boundary;

import care.enclave.diagnostics.control.DelineationService;
import care.enclave.diagnostics.entity.Delineation;
import care.enclave.platform.problem.BoundedBody;
import care.enclave.platform.problem.InvalidRequest;
import care.enclave.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;

import java.util.Base64;
import java.util.logging.Logger;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The seed's {@code POST /delineate} (multipart field {@code img}): the tumour outlined by the diagnostics
 * provider's model, with the lesion size, the model's identity and the provider enclave's verified claims.
 */
@Path("delineate")
@RolesAllowed("clerk")
@Produces(MediaType.APPLICATION_JSON)
public class DelineateResource {

    static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(DelineateResource.class.getName());

    @Inject
    DelineationService delineation;

    @Inject
    Problems problems;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String delineate(@FormParam("img") EntityPart img) {
        if (img == null) {
            throw new InvalidRequest("send the image as the multipart field img");
        }
        DelineationService.Result result = delineation.delineate(BoundedBody.read(img.getContent(), MAX_IMAGE_BYTES));
        Delineation d = result.delineation();
        // How it went, never what it found: the lesion measures are patient data.
        LOG.info(() -> "Delineation with model " + result.provider().modelName() + ": provider verified in "
                + result.verifyMillis() + " ms, inference " + result.inferMillis() + " ms [correlationId="
                + problems.correlationId() + "]");
        Base64.Encoder b64 = Base64.getEncoder();
        return JSON.createObjectBuilder()
                .add("img_delineated", b64.encodeToString(d.overlayPng()))
                .add("mask", b64.encodeToString(d.maskPng()))
                .add("lesion_pixels", d.lesionPixels())
                .add("lesion_fraction", d.lesionFraction())
                .add("lesion_regions", d.lesionRegions())
                .add("model", JSON.createObjectBuilder().add("name", result.provider().modelName())
                        .add("sha256", result.provider().modelSha256()))
                .add("provider", JSON.createObjectBuilder()
                        .add("mrenclave", result.provider().attestation().mrEnclave())
                        .add("debuggable", result.provider().attestation().debuggable())
                        .add("simulated", result.provider().attestation().simulated())
                        .add("issuer", result.provider().attestation().issuer()))
                .add("maa_token", result.provider().attestation().token())
                .add("timings", JSON.createObjectBuilder().add("verify_provider_ms", result.verifyMillis())
                        .add("inference_ms", result.inferMillis()))
                .build().toString();
    }
}
