package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.ModelInput;

/**
 * Per-image, per-channel standardisation ((x - mean) / std, population std) into NCHW order, as the model
 * was trained. The std floor only ever engages for a constant channel: the smallest non-zero std of 8-bit
 * values over 65536 pixels is about 0.004, so a floor of 0.001 leaves every real image untouched and turns
 * a blank channel into zeros instead of NaN.
 */
final class Standardisation {

    static final double STD_FLOOR = 1e-3;

    private Standardisation() {
    }

    static float[] nchw(RgbPixels slice) {
        if (slice.width() != ModelInput.SIDE || slice.height() != ModelInput.SIDE) {
            throw new IllegalArgumentException("Standardisation expects a 256 x 256 slice");
        }
        float[] tensor = new float[ModelInput.CHANNELS * ModelInput.PIXELS];
        for (int channel = 0; channel < ModelInput.CHANNELS; channel++) {
            standardiseChannel(slice, channel, tensor);
        }
        return tensor;
    }

    private static void standardiseChannel(RgbPixels slice, int channel, float[] tensor) {
        double sum = 0;
        for (int i = 0; i < ModelInput.PIXELS; i++) {
            sum += slice.sample(i, channel);
        }
        double mean = sum / ModelInput.PIXELS;
        double squares = 0;
        for (int i = 0; i < ModelInput.PIXELS; i++) {
            double d = slice.sample(i, channel) - mean;
            squares += d * d;
        }
        double std = Math.max(Math.sqrt(squares / ModelInput.PIXELS), STD_FLOOR);
        int offset = channel * ModelInput.PIXELS;
        for (int i = 0; i < ModelInput.PIXELS; i++) {
            tensor[offset + i] = (float) ((slice.sample(i, channel) - mean) / std);
        }
    }
}
