package care.enclave.diagnostics.control;

import java.util.Arrays;

/**
 * Brings a slice to side x side. A non-square slice is first padded, centred, with black (MRI background)
 * rather than stretched, so anatomy keeps its proportions. Resampling is separable with a triangle filter
 * whose width grows with the reduction factor: bilinear interpolation when enlarging, area-weighted
 * averaging when shrinking (as Pillow's BILINEAR resize does), so a 4096-pixel slice is averaged rather
 * than aliased by picking every 16th pixel.
 */
final class Resampling {

    private Resampling() {
    }

    static RgbPixels toSquare(RgbPixels source, int side) {
        if (source.width() == side && source.height() == side) {
            return source;
        }
        int square = Math.max(source.width(), source.height());
        Taps taps = Taps.of(square, side);
        float[][] rows = horizontal(source, taps, (square - source.width()) / 2);
        return vertical(rows, taps, (square - source.height()) / 2, side);
    }

    /** Resamples every source row to side x 3 values; columns in the padding count as black. */
    private static float[][] horizontal(RgbPixels source, Taps taps, int padLeft) {
        float[][] rows = new float[source.height()][3 * taps.size()];
        for (int y = 0; y < source.height(); y++) {
            for (int out = 0; out < taps.size(); out++) {
                for (int k = 0; k < taps.weights(out).length; k++) {
                    int x = taps.first(out) + k - padLeft;
                    if (x >= 0 && x < source.width()) {
                        for (int c = 0; c < 3; c++) {
                            rows[y][3 * out + c] += taps.weights(out)[k] * source.sample(x, y, c);
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static RgbPixels vertical(float[][] rows, Taps taps, int padTop, int side) {
        byte[] samples = new byte[3 * side * side];
        float[] acc = new float[3 * side];
        for (int out = 0; out < side; out++) {
            Arrays.fill(acc, 0f);
            for (int k = 0; k < taps.weights(out).length; k++) {
                int y = taps.first(out) + k - padTop;
                if (y >= 0 && y < rows.length) {
                    float weight = taps.weights(out)[k];
                    for (int i = 0; i < acc.length; i++) {
                        acc[i] += weight * rows[y][i];
                    }
                }
            }
            for (int i = 0; i < acc.length; i++) {
                samples[3 * side * out + i] = (byte) Math.min(255, Math.max(0, Math.round(acc[i])));
            }
        }
        return new RgbPixels(side, side, samples);
    }
}
