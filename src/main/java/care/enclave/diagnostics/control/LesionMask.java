package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.ModelInput;

/**
 * The model's 256 x 256 sigmoid output thresholded into a mask. A pixel is lesion when its probability is
 * strictly above 0.5, as the seed's {@code np.round} decided it (0.5 rounds to 0). The map is checked
 * first, without echoing any value: a wrong length, NaN or a value outside [0, 1] means the model or the
 * transport is broken, and is refused rather than read as "no lesion".
 */
final class LesionMask {

    static final float THRESHOLD = 0.5f;

    private LesionMask() {
    }

    static boolean[] threshold(float[] probabilities) {
        if (probabilities == null || probabilities.length != ModelInput.PIXELS) {
            throw new InvalidModelOutput("expected a 256 x 256 probability map");
        }
        boolean[] mask = new boolean[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            float p = probabilities[i];
            if (!(p >= 0f && p <= 1f)) {
                throw new InvalidModelOutput("probabilities must be numbers between 0 and 1");
            }
            mask[i] = p > THRESHOLD;
        }
        return mask;
    }
}
