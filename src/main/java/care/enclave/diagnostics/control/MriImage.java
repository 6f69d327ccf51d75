package care.enclave.diagnostics.control;

import java.awt.image.BufferedImage;

/**
 * An uploaded MRI slice, decoded fail-closed: only PNG and JPEG (by signature), structure checked, header
 * dimensions, decoded size and compression ratio within {@link ImageLimits} before a decoder even starts,
 * then converted to 8-bit RGB.
 * Every refusal is an {@link ImageRejected} with a fixed reason.
 */
public final class MriImage {

    private final ImageFormat format;
    private final RgbPixels pixels;
    private final boolean greyscale;

    private MriImage(ImageFormat format, RgbPixels pixels) {
        this.format = format;
        this.pixels = pixels;
        this.greyscale = pixels.greyscale();
    }

    public static MriImage decode(byte[] bytes) {
        return decode(bytes, ImageLimits.DEFAULT);
    }

    public static MriImage decode(byte[] bytes, ImageLimits limits) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejected(ImageRejected.Kind.EMPTY);
        }
        if (bytes.length > limits.maxBytes()) {
            throw new ImageRejected(ImageRejected.Kind.TOO_MANY_BYTES);
        }
        ImageFormat format = ImageFormat.detect(bytes);
        byte[] checked = bytes;
        DeclaredImage declared;
        if (format == ImageFormat.PNG) {
            checked = PngStructure.criticalChunks(bytes);
            declared = PngStructure.declared(checked);
        } else {
            declared = JpegStructure.check(bytes);
        }
        declared.check(limits);
        BufferedImage image = HeaderFirstDecoder.decode(checked, format, limits, declared);
        return new MriImage(format, PixelConversion.toRgb(image));
    }

    public ImageFormat format() {
        return format;
    }

    public int width() {
        return pixels.width();
    }

    public int height() {
        return pixels.height();
    }

    /** True when the upload carried one sequence (greyscale, or R = G = B everywhere), not three. */
    public boolean greyscale() {
        return greyscale;
    }

    public RgbPixels pixels() {
        return pixels;
    }
}
