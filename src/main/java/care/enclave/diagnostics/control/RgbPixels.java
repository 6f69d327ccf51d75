package care.enclave.diagnostics.control;

/**
 * An 8-bit RGB picture, row-major and interleaved (R, G, B per pixel). For a brain MRI slice R is the
 * pre-contrast, G the FLAIR and B the post-contrast sequence; a greyscale upload has all three equal.
 * Immutable: the array is owned by this object and only ever read.
 */
public final class RgbPixels {

    public static final int RED = 0;
    public static final int GREEN = 1;
    public static final int BLUE = 2;

    private final int width;
    private final int height;
    private final byte[] samples;

    /** Takes ownership of {@code samples} without a copy: callers in this package build it and let go. */
    RgbPixels(int width, int height, byte[] samples) {
        if (width < 1 || height < 1 || samples.length != 3L * width * height) {
            throw new IllegalArgumentException("Sample count does not match width x height x 3");
        }
        this.width = width;
        this.height = height;
        this.samples = samples;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** One channel's value (0-255) at a pixel; channel is {@link #RED}, {@link #GREEN} or {@link #BLUE}. */
    public int sample(int x, int y, int channel) {
        return samples[3 * (y * width + x) + channel] & 0xFF;
    }

    /** One channel's value (0-255) at a row-major pixel index. */
    public int sample(int pixel, int channel) {
        return samples[3 * pixel + channel] & 0xFF;
    }

    /** True when every pixel has R = G = B: the upload carried one sequence, not three. */
    public boolean greyscale() {
        for (int i = 0; i < samples.length; i += 3) {
            if (samples[i] != samples[i + 1] || samples[i] != samples[i + 2]) {
                return false;
            }
        }
        return true;
    }
}
