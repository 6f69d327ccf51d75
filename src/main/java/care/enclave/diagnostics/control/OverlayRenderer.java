package care.enclave.diagnostics.control;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Draws the pictures a clinician sees, like the seed: the FLAIR channel in grey, stretched so its darkest
 * pixel is black and its brightest white (the seed's {@code gray2rgb}), with the lesion outline in pure
 * red; and the mask itself as 0/255 greyscale.
 */
final class OverlayRenderer {

    static final int RED = 0xFF0000;

    private OverlayRenderer() {
    }

    static BufferedImage overlay(RgbPixels slice, boolean[] outline) {
        int side = slice.width();
        int min = 255;
        int max = 0;
        for (int i = 0; i < outline.length; i++) {
            min = Math.min(min, slice.sample(i, RgbPixels.GREEN));
            max = Math.max(max, slice.sample(i, RgbPixels.GREEN));
        }
        int[] rgb = new int[outline.length];
        for (int i = 0; i < rgb.length; i++) {
            int flair = slice.sample(i, RgbPixels.GREEN);
            int grey = max > min ? Math.round((flair - min) * 255f / (max - min)) : flair;
            rgb[i] = outline[i] ? RED : grey << 16 | grey << 8 | grey;
        }
        BufferedImage image = new BufferedImage(side, slice.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, side, slice.height(), rgb, 0, side);
        return image;
    }

    static BufferedImage mask(boolean[] mask, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] values = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] ? 255 : 0;
        }
        raster.setSamples(0, 0, side, side, 0, values);
        return image;
    }
}
