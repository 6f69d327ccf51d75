package care.enclave.diagnostics.control;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decodes with javax.imageio, but reads width and height from the header and checks them against the
 * limits before a single pixel buffer is allocated. The stream is an explicit in-memory one: ImageIO's
 * default for byte streams may cache to a temporary file, which would put patient images on disk.
 * Decoder warnings (the JDK's JPEG decoder warns instead of failing on damaged data) are refusals too.
 */
final class HeaderFirstDecoder {

    private HeaderFirstDecoder() {
    }

    static BufferedImage decode(byte[] bytes, ImageFormat format, ImageLimits limits, DeclaredImage declared) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(input, format);
            try {
                reader.setInput(input, true, true);
                checkDimensions(reader.getWidth(0), reader.getHeight(0), limits, declared);
                AtomicBoolean warned = new AtomicBoolean();
                reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
                BufferedImage image = reader.read(0);
                if (warned.get()) {
                    throw new ImageRejected(ImageRejected.Kind.CORRUPT);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ImageRejected(endedEarly(e) ? ImageRejected.Kind.TRUNCATED : ImageRejected.Kind.CORRUPT);
        } catch (ImageRejected e) {
            throw e;
        } catch (RuntimeException e) {
            // Decoders throw unchecked exceptions of many kinds on crafted input; all of them mean "damaged".
            throw new ImageRejected(ImageRejected.Kind.CORRUPT);
        }
    }

    /** Only a reader for the format the signature named, even if another installed reader would accept it. */
    private static ImageReader readerFor(ImageInputStream input, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String[] names = reader.getOriginatingProvider().getFormatNames();
            if (Arrays.stream(names).anyMatch(format.readerFormat()::equalsIgnoreCase)) {
                return reader;
            }
        }
        throw new ImageRejected(ImageRejected.Kind.CORRUPT);
    }

    /**
     * The reader's own view must match what the structure check measured, so the bounds checked there are
     * the bounds of the buffer the reader is about to allocate.
     */
    private static void checkDimensions(int width, int height, ImageLimits limits, DeclaredImage declared) {
        if (width != declared.width() || height != declared.height()) {
            throw new ImageRejected(ImageRejected.Kind.CORRUPT);
        }
        if (width > limits.maxSide() || height > limits.maxSide()) {
            throw new ImageRejected(ImageRejected.Kind.TOO_LARGE_DIMENSIONS);
        }
        if (width < limits.minSide() || height < limits.minSide()) {
            throw new ImageRejected(ImageRejected.Kind.TOO_SMALL_DIMENSIONS);
        }
    }

    private static boolean endedEarly(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException) {
                return true;
            }
        }
        return false;
    }
}
