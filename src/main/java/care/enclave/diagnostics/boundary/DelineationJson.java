package care.enclave.diagnostics.boundary;

import care.enclave.diagnostics.control.DelineationService;
import care.enclave.diagnostics.entity.Delineation;
import jakarta.json.JsonObject;

import java.util.Base64;

import static care.enclave.platform.json.JsonSupport.JSON;

/** A delineation as the seed's clients read it: images, lesion size, model, the verified provider, timings. */
final class DelineationJson {

    private DelineationJson() {
    }

    static JsonObject of(DelineationService.Result result) {
        Delineation d = result.delineation();
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
                .build();
    }
}
