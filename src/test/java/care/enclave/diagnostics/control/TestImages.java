package care.enclave.diagnostics.control;

import org.junit.jupiter.api.Assumptions;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds test images in memory (ImageIO writers, hand-made PNG chunks) and finds the real sample slice. */
final class TestImages {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private TestImages() {
    }

    /** The real TCGA slice from ../shared/data; the test is skipped, with the path, when it is absent. */
    static byte[] sample() {
        Path file = Path.of(System.getProperty("shared.dir", "../shared"), "data", "TCGA_CS_4944.png");
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "SKIPPED: the sample MRI slice is not at " + file.toAbsolutePath() + " (set -Dshared.dir)");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A width x height image of the given type whose pixel (x, y) has the packed RGB (or grey) value f(x, y). */
    static BufferedImage image(int width, int height, int type, IntBinaryOperator f) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_USHORT_GRAY) {
                    image.getRaster().setSample(x, y, 0, f.applyAsInt(x, y));
                } else {
                    image.setRGB(x, y, f.applyAsInt(x, y));
                }
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        return write(writer, new IIOImage(image, null, null));
    }

    static byte[] encode(Raster raster, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        return write(writer, new IIOImage(raster, null, null));
    }

    private static byte[] write(ImageWriter writer, IIOImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One PNG chunk: length, type, data and a correct CRC. */
    static byte[] chunk(String type, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(typeBytes);
            crc.update(data);
            out.writeInt(data.length);
            out.write(typeBytes);
            out.write(data);
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** IHDR data: width, height, bit depth, colour type, then compression, filter and interlace all 0. */
    static byte[] ihdr(int width, int height, int bitDepth, int colourType) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(width);
            out.writeInt(height);
            out.write(new byte[]{(byte) bitDepth, (byte) colourType, 0, 0, 0});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    /** A small valid 8-bit greyscale PNG (32 x 32 gradient). */
    static byte[] smallPng() {
        return encode(image(32, 32, BufferedImage.TYPE_BYTE_GRAY, (x, y) -> 4 * x + y), "png");
    }

    /** A small valid RGB JPEG (32 x 32). */
    static byte[] smallJpeg() {
        return encode(image(32, 32, BufferedImage.TYPE_INT_RGB, (x, y) -> (8 * x) << 16 | (8 * y) << 8 | 90), "jpeg");
    }
}
