package care.enclave.diagnostics.control;

/**
 * The triangle-filter weights for resampling one axis of {@code from} pixels to {@code to} pixels, pixel
 * centres aligned. Each output's weights sum to 1, so a uniform image stays exactly uniform.
 */
final class Taps {

    private final int[] first;
    private final float[][] weights;

    private Taps(int[] first, float[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    static Taps of(int from, int to) {
        double scale = (double) from / to;
        double radius = Math.max(scale, 1.0);
        int[] first = new int[to];
        float[][] weights = new float[to][];
        for (int out = 0; out < to; out++) {
            double centre = (out + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(centre - radius));
            int hi = Math.min(from, (int) Math.ceil(centre + radius));
            first[out] = lo;
            weights[out] = normalised(lo, hi, centre, radius);
        }
        return new Taps(first, weights);
    }

    private static float[] normalised(int lo, int hi, double centre, double radius) {
        double[] raw = new double[hi - lo];
        double total = 0;
        for (int i = lo; i < hi; i++) {
            raw[i - lo] = Math.max(0, 1 - Math.abs((i + 0.5 - centre) / radius));
            total += raw[i - lo];
        }
        float[] weights = new float[raw.length];
        for (int k = 0; k < raw.length; k++) {
            weights[k] = (float) (raw[k] / total);
        }
        return weights;
    }

    int size() {
        return first.length;
    }

    int first(int out) {
        return first[out];
    }

    float[] weights(int out) {
        return weights[out];
    }
}
