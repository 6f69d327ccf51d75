package care.enclave.diagnostics.control;

import care.enclave.diagnostics.control.ImageRejected.Kind;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One test per rejection reason; every message is the reason's fixed text and never carries a number. */
class MriImageRejectionTest {

    private static final byte[] IEND = TestImages.chunk("IEND", new byte[0]);

    @Test
    void emptyUpload() {
        assertRejected(Kind.EMPTY, new byte[0]);
        assertRejected(Kind.EMPTY, null);
    }

    @Test
    void fileLargerThanTheByteLimit() {
        assertRejected(Kind.TOO_MANY_BYTES, TestImages.smallPng(), new ImageLimits(100, 16, 4096));
    }

    @Test
    void randomBytesAreNotAnImage() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = 0x42;
        assertRejected(Kind.NOT_AN_IMAGE, random);
        assertRejected(Kind.NOT_AN_IMAGE, "%PDF-1.7 a document".getBytes(StandardCharsets.US_ASCII));
        assertRejected(Kind.NOT_AN_IMAGE, new byte[]{(byte) 0x89, 'P', 'N'});
    }

    @Test
    void gifIsAnUnsupportedFormat() {
        assertRejected(Kind.UNSUPPORTED_FORMAT, TestImages.encode(grey(32), "gif"));
    }

    @Test
    void bmpIsAnUnsupportedFormat() {
        assertRejected(Kind.UNSUPPORTED_FORMAT, TestImages.encode(rgb(32), "bmp"));
    }

    @Test
    void otherImageFormatsAreUnsupported() {
        assertRejected(Kind.UNSUPPORTED_FORMAT, TestImages.encode(rgb(32), "tiff"));
        assertRejected(Kind.UNSUPPORTED_FORMAT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII));
        assertRejected(Kind.UNSUPPORTED_FORMAT, "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII));
        byte[] dicom = new byte[256];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, dicom, 128, 4);
        assertRejected(Kind.UNSUPPORTED_FORMAT, dicom);
    }

    @Test
    void truncatedPng() {
        byte[] png = TestImages.smallPng();
        assertRejected(Kind.TRUNCATED, Arrays.copyOf(png, png.length * 2 / 3));
        assertRejected(Kind.TRUNCATED, Arrays.copyOf(png, png.length - IEND.length));
        assertRejected(Kind.TRUNCATED, Arrays.copyOf(png, 8 + 20));
        assertRejected(Kind.TRUNCATED, TestImages.PNG_SIGNATURE);
    }

    @Test
    void pngWhosePixelDataStopsEarly() {
        byte[] rows = new byte[32 * 33];
        byte[] zlib = TestImages.deflate(rows);
        byte[] png = pngOf(TestImages.ihdr(32, 32, 8, 0), Arrays.copyOf(zlib, zlib.length / 2));
        assertRejected(Kind.TRUNCATED, png);
    }

    @Test
    void truncatedJpeg() {
        byte[] jpeg = TestImages.smallJpeg();
        assertRejected(Kind.TRUNCATED, Arrays.copyOf(jpeg, jpeg.length / 2));
        assertRejected(Kind.TRUNCATED, Arrays.copyOf(jpeg, 20));
        assertRejected(Kind.TRUNCATED, Arrays.copyOf(jpeg, 3));
    }

    @Test
    void pngWithABadChecksumIsCorrupt() {
        byte[] png = TestImages.smallPng();
        png[png.length - IEND.length - 6] ^= 0x55;
        assertRejected(Kind.CORRUPT, png);
    }

    @Test
    void pngWhosePixelDataIsNotZlibIsCorrupt() {
        byte[] garbage = new byte[200];
        new Random(7).nextBytes(garbage);
        byte[] png = pngOf(TestImages.ihdr(32, 32, 8, 0), garbage);
        assertRejected(Kind.CORRUPT, png);
    }

    @Test
    void pngOutOfOrderOrWithTrailingDataIsCorrupt() {
        byte[] png = TestImages.smallPng();
        byte[] idatFirst = TestImages.concat(TestImages.PNG_SIGNATURE, TestImages.chunk("IDAT", new byte[4]),
                Arrays.copyOfRange(png, 8, png.length));
        assertRejected(Kind.CORRUPT, idatFirst);
        assertRejected(Kind.CORRUPT, TestImages.concat(png, new byte[]{1, 2, 3}));
    }

    @Test
    void jpegWithDamagedScanDataIsCorrupt() {
        byte[] jpeg = TestImages.smallJpeg();
        int scan = lastIndexOf(jpeg, (byte) 0xFF, (byte) 0xDA);
        for (int i = scan + 20; i < jpeg.length - 10; i += 7) {
            jpeg[i] = (byte) 0xFF;
            jpeg[i + 1] = (byte) 0x99;
        }
        assertRejected(Kind.CORRUPT, jpeg);
    }

    @Test
    void jpegCutShortWithItsEndMarkerPutBackIsCorrupt() {
        // The JDK decoder pads this with grey and only warns ("premature end of data segment").
        byte[] jpeg = TestImages.encode(TestImages.image(64, 64, BufferedImage.TYPE_INT_RGB,
                (x, y) -> new Random(31L * y + x).nextInt()), "jpeg");
        byte[] cut = TestImages.concat(Arrays.copyOf(jpeg, jpeg.length * 2 / 3),
                new byte[]{(byte) 0xFF, (byte) 0xD9});
        assertRejected(Kind.CORRUPT, cut);
    }

    @Test
    void pngWithAnUnknownCriticalChunkIsUnsupported() {
        byte[] png = TestImages.smallPng();
        int afterIhdr = 8 + 25;
        byte[] withChunk = TestImages.concat(Arrays.copyOf(png, afterIhdr), TestImages.chunk("CRIT", new byte[3]),
                Arrays.copyOfRange(png, afterIhdr, png.length));
        assertRejected(Kind.UNSUPPORTED_ENCODING, withChunk);
    }

    @Test
    void arithmeticCodedJpegIsUnsupported() {
        byte[] jpeg = TestImages.smallJpeg();
        jpeg[indexOf(jpeg, (byte) 0xFF, (byte) 0xC0) + 1] = (byte) 0xC9;
        assertRejected(Kind.UNSUPPORTED_ENCODING, jpeg);
    }

    @Test
    void fourComponentJpegIsUnsupported() {
        Raster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 32, 4, null);
        assertRejected(Kind.UNSUPPORTED_ENCODING, TestImages.encode(cmyk, "jpeg"));
    }

    @Test
    void jpegWithTooManyScansIsTooComplex() {
        byte[] frame = {(byte) 0xFF, (byte) 0xC2, 0, 11, 8, 0, 32, 0, 32, 1, 1, 0x11, 0};
        byte[] scans = new byte[2 * (JpegStructure.MAX_SCANS + 1)];
        for (int i = 0; i < scans.length; i += 2) {
            scans[i] = (byte) 0xFF;
            scans[i + 1] = (byte) 0xDA;
        }
        byte[] jpeg = TestImages.concat(new byte[]{(byte) 0xFF, (byte) 0xD8}, frame, scans,
                new byte[]{(byte) 0xFF, (byte) 0xD9});
        assertRejected(Kind.TOO_COMPLEX, jpeg);
    }

    @Test
    void pngDeclaring100000By100000IsRefusedFromItsHeader() {
        byte[] png = pngOf(TestImages.ihdr(100_000, 100_000, 8, 0), TestImages.deflate(new byte[64]));
        ImageRejected rejected = assertRejected(Kind.TOO_LARGE_DIMENSIONS, png);
        assertFalse(rejected.getMessage().contains("100000"));
    }

    @Test
    void oneSideOverTheLimitIsTooLarge() {
        byte[] png = pngOf(TestImages.ihdr(4097, 16, 8, 0), TestImages.deflate(new byte[64]));
        assertRejected(Kind.TOO_LARGE_DIMENSIONS, png);
        assertRejected(Kind.TOO_LARGE_DIMENSIONS, TestImages.encode(grey(65), "png"), new ImageLimits(1 << 20, 16, 64));
        MriImage.decode(TestImages.encode(grey(64), "png"), new ImageLimits(1 << 20, 16, 64));
    }

    @Test
    void jpegDeclaringHugeDimensionsIsRefusedFromItsHeader() {
        byte[] jpeg = TestImages.smallJpeg();
        int frame = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
        for (int i = frame + 5; i < frame + 9; i++) {
            jpeg[i] = (byte) 0xEA;
        }
        assertRejected(Kind.TOO_LARGE_DIMENSIONS, jpeg);
    }

    @Test
    void imagesSmallerThanSixteenPixelsAreTooSmall() {
        assertRejected(Kind.TOO_SMALL_DIMENSIONS, TestImages.encode(grey(8), "png"));
        assertRejected(Kind.TOO_SMALL_DIMENSIONS,
                TestImages.encode(TestImages.image(64, 15, BufferedImage.TYPE_BYTE_GRAY, (x, y) -> x), "png"));
        assertRejected(Kind.TOO_SMALL_DIMENSIONS, TestImages.encode(rgb(8), "jpeg"));
        assertEquals(16, MriImage.decode(TestImages.encode(grey(16), "png")).width());
    }

    @Test
    void everyReasonHasANumberFreeMessage() {
        for (Kind kind : Kind.values()) {
            ImageRejected rejected = new ImageRejected(kind);
            assertEquals("Image rejected: " + kind.message(), rejected.getMessage());
            assertFalse(rejected.getMessage().matches(".*\\d.*"), kind.name());
        }
    }

    private static ImageRejected assertRejected(Kind kind, byte[] bytes) {
        return assertRejected(kind, bytes, ImageLimits.DEFAULT);
    }

    private static ImageRejected assertRejected(Kind kind, byte[] bytes, ImageLimits limits) {
        ImageRejected rejected = assertThrows(ImageRejected.class, () -> MriImage.decode(bytes, limits));
        assertEquals(kind, rejected.kind());
        assertEquals("Image rejected: " + kind.message(), rejected.getMessage());
        assertEquals(null, rejected.getCause());
        return rejected;
    }

    /** A hand-made PNG: signature, IHDR, one IDAT and IEND, each with a correct CRC. */
    private static byte[] pngOf(byte[] ihdr, byte[] idat) {
        return TestImages.concat(TestImages.PNG_SIGNATURE, TestImages.chunk("IHDR", ihdr),
                TestImages.chunk("IDAT", idat), IEND);
    }

    private static BufferedImage grey(int side) {
        return TestImages.image(side, side, BufferedImage.TYPE_BYTE_GRAY, (x, y) -> (x * 7 + y * 3) % 256);
    }

    private static BufferedImage rgb(int side) {
        return TestImages.image(side, side, BufferedImage.TYPE_INT_RGB, (x, y) -> x << 16 | y << 8 | 77);
    }

    private static int indexOf(byte[] bytes, byte first, byte second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == first && bytes[i + 1] == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

    private static int lastIndexOf(byte[] bytes, byte first, byte second) {
        for (int i = bytes.length - 2; i >= 0; i--) {
            if (bytes[i] == first && bytes[i + 1] == second) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }
}
