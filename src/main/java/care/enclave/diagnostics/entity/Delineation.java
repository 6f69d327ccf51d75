package care.enclave.diagnostics.entity;

/**
 * What the platform makes of the model's output for one slice, at the model's 256 x 256 resolution.
 *
 * @param overlayPng     the FLAIR channel in grey with the lesion outline in red (255, 0, 0), as a PNG
 * @param maskPng        the binary lesion mask, 0 or 255 per pixel, as an 8-bit greyscale PNG
 * @param lesionPixels   pixels whose probability is above 0.5
 * @param lesionRegions  separate (8-connected) lesion regions; the seed kept only the largest, we report all
 * @param brainPixels    pixels of the head area the fraction is taken over (rule in control.BrainArea)
 * @param lesionFraction lesion pixels inside the head area / head-area pixels; 0 when there is no head area
 * @param greyscaleInput the upload had one sequence copied to three channels, a weaker basis for the model
 */
public record Delineation(byte[] overlayPng, byte[] maskPng, int lesionPixels, int lesionRegions,
                          int brainPixels, double lesionFraction, boolean greyscaleInput) {

    public Delineation {
        overlayPng = overlayPng.clone();
        maskPng = maskPng.clone();
    }

    @Override
    public byte[] overlayPng() {
        return overlayPng.clone();
    }

    @Override
    public byte[] maskPng() {
        return maskPng.clone();
    }
}
