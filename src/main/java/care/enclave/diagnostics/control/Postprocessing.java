package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.Delineation;
import care.enclave.diagnostics.entity.ModelInput;

/**
 * Turns the model's probability map for a prepared slice into a {@link Delineation}: the mask
 * ({@link LesionMask}), its outline over the FLAIR channel ({@link OverlayRenderer}), the lesion's pixel
 * count and regions, and its share of the head area ({@link BrainArea}).
 */
public final class Postprocessing {

    private Postprocessing() {
    }

    public static Delineation delineate(PreparedSlice prepared, float[] probabilities) {
        int side = ModelInput.SIDE;
        boolean[] lesion = LesionMask.threshold(probabilities);
        boolean[] brain = BrainArea.of(prepared.slice());
        int brainPixels = BinaryMasks.count(brain);
        boolean[] outline = BinaryMasks.outline(lesion, side);
        byte[] overlay = PngEncoding.encode(OverlayRenderer.overlay(prepared.slice(), outline));
        byte[] mask = PngEncoding.encode(OverlayRenderer.mask(lesion, side));
        int regions = BinaryMasks.components(lesion, side).count();
        return new Delineation(overlay, mask, BinaryMasks.count(lesion), regions, brainPixels,
                fraction(lesion, brain, brainPixels), prepared.greyscale());
    }

    /** Only lesion inside the head counts, so a model marking background cannot push the fraction past 1. */
    private static double fraction(boolean[] lesion, boolean[] brain, int brainPixels) {
        int lesionInBrain = 0;
        for (int i = 0; i < lesion.length; i++) {
            lesionInBrain += lesion[i] && brain[i] ? 1 : 0;
        }
        return brainPixels == 0 ? 0.0 : (double) lesionInBrain / brainPixels;
    }
}
