package care.enclave.diagnostics.control;

/**
 * The area a lesion fraction is taken over: everything inside the head's outline. A pixel is tissue when
 * its brightest channel exceeds 10% of the slice's brightest value (the background cut-off Buda et al.
 * use when cropping); the largest 8-connected tissue region is kept, which drops noise and burnt-in
 * labels, and its holes are filled, so dark ventricles and a dark necrotic core still count. The slices
 * are not skull-stripped, so scalp and skull are included: the fraction is of the head, a lower bound for
 * the fraction of brain.
 */
final class BrainArea {

    static final double BACKGROUND_FRACTION = 0.10;

    private BrainArea() {
    }

    static boolean[] of(RgbPixels slice) {
        int side = slice.width();
        int pixels = side * slice.height();
        int brightest = 0;
        for (int i = 0; i < pixels; i++) {
            brightest = Math.max(brightest, brightestChannel(slice, i));
        }
        boolean[] tissue = new boolean[pixels];
        for (int i = 0; i < pixels; i++) {
            tissue[i] = brightest > 0 && brightestChannel(slice, i) > BACKGROUND_FRACTION * brightest;
        }
        return BinaryMasks.fillHoles(BinaryMasks.largestComponent(tissue, side), side);
    }

    private static int brightestChannel(RgbPixels slice, int pixel) {
        return Math.max(slice.sample(pixel, RgbPixels.RED),
                Math.max(slice.sample(pixel, RgbPixels.GREEN), slice.sample(pixel, RgbPixels.BLUE)));
    }
}
