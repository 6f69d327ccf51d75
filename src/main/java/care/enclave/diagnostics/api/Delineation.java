package care.enclave.diagnostics.api;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A delineation as {@code POST /delineate} answers it: the outlined slice and mask (PNG, base64), the lesion's
 * size, and which model in which provider enclave computed it.
 */
public record Delineation(@JsonbProperty("img_delineated") String imgDelineated, String mask,
                          @JsonbProperty("lesion_pixels") int lesionPixels,
                          @JsonbProperty("lesion_fraction") double lesionFraction,
                          @JsonbProperty("lesion_regions") int lesionRegions, Model model, Provider provider,
                          @JsonbProperty("maa_token") String maaToken) {

    /** The model's name and the SHA-256 its provider's evidence vouches for. */
    public record Model(String name, String sha256) {
    }

    /** The provider enclave's verified claims. */
    public record Provider(String mrenclave, boolean debuggable, boolean simulated, String issuer) {
    }
}
