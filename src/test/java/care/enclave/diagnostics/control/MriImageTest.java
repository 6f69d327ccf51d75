package care.enclave.diagnostics.control;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static care.enclave.diagnostics.control.RgbPixels.BLUE;
import static care.enclave.diagnostics.control.RgbPixels.GREEN;
import static care.enclave.diagnostics.control.RgbPixels.RED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding of what hospitals send: the real slice, and each pixel layout PNG and JPEG can carry. */
class MriImageTest {

    @Test
    void decodesTheRealSliceExactly() {
        byte[] bytes = TestImages.sample();
        BufferedImage reference = TestImages.read(bytes);

        MriImage cut = MriImage.decode(bytes);

        assertEquals(ImageFormat.PNG, cut.format());
        assertEquals(256, cut.width());
        assertEquals(256, cut.height());
        assertFalse(cut.greyscale());
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int rgb = reference.getRGB(x, y);
                assertEquals(rgb >> 16 & 0xFF, cut.pixels().sample(x, y, RED));
                assertEquals(rgb >> 8 & 0xFF, cut.pixels().sample(x, y, GREEN));
                assertEquals(rgb & 0xFF, cut.pixels().sample(x, y, BLUE));
            }
        }
    }

    @Test
    void greyscalePngKeepsItsValuesInAllThreeChannels() {
        byte[] png = TestImages.encode(TestImages.image(64, 40, BufferedImage.TYPE_BYTE_GRAY,
                (x, y) -> (x * 4 + y) % 256), "png");

        MriImage cut = MriImage.decode(png);

        assertTrue(cut.greyscale());
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 64; x++) {
                int expected = (x * 4 + y) % 256;
                // No sRGB gamma: getRGB on Java's linear grey would turn 64 into about 137.
                assertEquals(expected, cut.pixels().sample(x, y, RED));
                assertEquals(expected, cut.pixels().sample(x, y, GREEN));
                assertEquals(expected, cut.pixels().sample(x, y, BLUE));
            }
        }
    }

    @Test
    void sixteenBitGreyIsScaledByItsMaximumNotBy65535() {
        byte[] png = TestImages.encode(TestImages.image(32, 32, BufferedImage.TYPE_USHORT_GRAY,
                (x, y) -> x == 0 ? 0 : x == 1 ? 4095 : 2048), "png");

        MriImage cut = MriImage.decode(png);

        assertTrue(cut.greyscale());
        assertEquals(0, cut.pixels().sample(0, 5, GREEN));
        assertEquals(255, cut.pixels().sample(1, 5, GREEN));
        assertEquals(128, cut.pixels().sample(2, 5, GREEN));
    }

    @Test
    void alphaIsDroppedNotComposited() {
        byte[] png = TestImages.encode(TestImages.image(20, 20, BufferedImage.TYPE_INT_ARGB,
                (x, y) -> (x < 10 ? 0x00 : 0x80) << 24 | 10 << 16 | 200 << 8 | 30), "png");

        MriImage cut = MriImage.decode(png);

        assertFalse(cut.greyscale());
        for (int x : new int[]{0, 15}) {
            assertEquals(10, cut.pixels().sample(x, 3, RED));
            assertEquals(200, cut.pixels().sample(x, 3, GREEN));
            assertEquals(30, cut.pixels().sample(x, 3, BLUE));
        }
    }

    @Test
    void palettePngIsLookedUp() {
        byte[] reds = {0, (byte) 250, 0};
        byte[] greens = {0, 0, (byte) 240};
        byte[] blues = {0, 5, 7};
        BufferedImage indexed = new BufferedImage(24, 24, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 3, reds, greens, blues));
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                indexed.getRaster().setSample(x, y, 0, (x + y) % 3);
            }
        }

        MriImage cut = MriImage.decode(TestImages.encode(indexed, "png"));

        assertEquals(250, cut.pixels().sample(1, 0, RED));
        assertEquals(5, cut.pixels().sample(1, 0, BLUE));
        assertEquals(240, cut.pixels().sample(2, 0, GREEN));
        assertEquals(7, cut.pixels().sample(2, 0, BLUE));
    }

    @Test
    void rgbJpegDecodesCloseToItsSource() {
        MriImage cut = MriImage.decode(TestImages.encode(TestImages.image(48, 48, BufferedImage.TYPE_INT_RGB,
                (x, y) -> 40 << 16 | 180 << 8 | 90), "jpeg"));

        assertEquals(ImageFormat.JPEG, cut.format());
        assertEquals(40, cut.pixels().sample(20, 20, RED), 4);
        assertEquals(180, cut.pixels().sample(20, 20, GREEN), 4);
        assertEquals(90, cut.pixels().sample(20, 20, BLUE), 4);
    }

    @Test
    void greyJpegIsGreyscale() {
        MriImage cut = MriImage.decode(TestImages.encode(TestImages.image(48, 48, BufferedImage.TYPE_BYTE_GRAY,
                (x, y) -> 100), "jpeg"));

        assertTrue(cut.greyscale());
        assertEquals(100, cut.pixels().sample(10, 10, GREEN), 2);
    }

    @Test
    void compressedTextChunksAreDroppedBeforeTheDecoderSeesThem() {
        byte[] png = TestImages.smallPng();
        byte[] bomb = TestImages.chunk("zTXt", TestImages.concat("Comment\0\0".getBytes(StandardCharsets.ISO_8859_1),
                TestImages.deflate(new byte[16 * 1024 * 1024])));
        int afterIhdr = 8 + 25;
        byte[] withBomb = TestImages.concat(Arrays.copyOf(png, afterIhdr), bomb,
                Arrays.copyOfRange(png, afterIhdr, png.length));

        byte[] decoderInput = PngStructure.criticalChunks(withBomb);
        MriImage cut = MriImage.decode(withBomb);

        assertFalse(new String(decoderInput, StandardCharsets.ISO_8859_1).contains("zTXt"));
        assertEquals(32, cut.width());
        assertTrue(cut.greyscale());
    }
}
