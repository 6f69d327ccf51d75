package care.enclave.diagnostics.control;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Turns whatever a decoder produced into 8-bit RGB. Greyscale is read from the raster's samples, because
 * {@code BufferedImage.getRGB} treats Java's grey colour space as linear and would brighten every pixel by
 * an sRGB gamma curve; everything else (palette, RGB, RGBA, 16-bit RGB) goes through {@code getRGB}, and
 * alpha is dropped rather than composited, since transparency carries no signal in an MRI slice.
 */
final class PixelConversion {

    private static final int EIGHT_BITS = 8;

    private PixelConversion() {
    }

    static RgbPixels toRgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (model.getNumColorComponents() == 1 && !(model instanceof IndexColorModel)) {
            return fromGrey(image.getRaster(), model.getComponentSize(0));
        }
        return fromColour(image);
    }

    private static RgbPixels fromColour(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] samples = new byte[3 * width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int at = 3 * (y * width + x);
                samples[at] = (byte) (row[x] >> 16);
                samples[at + 1] = (byte) (row[x] >> 8);
                samples[at + 2] = (byte) row[x];
            }
        }
        return new RgbPixels(width, height, samples);
    }

    /**
     * Deeper than 8 bits (16-bit PNG) is scaled by the image's own maximum, not by 65535: scanners often
     * store 12-bit values in 16-bit files, and a fixed scale would squeeze them into 16 grey levels. The
     * scale is linear through zero, so per-channel standardisation later sees the same relative contrast.
     */
    private static RgbPixels fromGrey(Raster raster, int bits) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        float scale = 255f / (bits > EIGHT_BITS ? Math.max(1, maxOf(raster)) : (1 << bits) - 1);
        byte[] samples = new byte[3 * width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                byte grey = (byte) Math.round(row[x] * scale);
                int at = 3 * (y * width + x);
                samples[at] = grey;
                samples[at + 1] = grey;
                samples[at + 2] = grey;
            }
        }
        return new RgbPixels(width, height, samples);
    }

    private static int maxOf(Raster raster) {
        int max = 0;
        int[] row = new int[raster.getWidth()];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int value : row) {
                max = Math.max(max, value);
            }
        }
        return max;
    }
}
