package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.ModelInput;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model input: shape, NCHW order, per-channel standardisation, greyscale replication and resizing. */
class PreprocessingTest {

    private static final int N = ModelInput.PIXELS;

    @Test
    void realSliceBecomesAStandardisedNchwTensor() {
        MriImage image = MriImage.decode(TestImages.sample());

        PreparedSlice cut = Preprocessing.prepare(image);

        assertArrayEquals(new long[]{1, 3, 256, 256}, cut.input().shape());
        assertEquals(3 * 256 * 256, cut.input().tensor().length);
        assertFalse(cut.resized());
        assertFalse(cut.greyscale());
        assertSame(image.pixels(), cut.slice());
        float[] tensor = cut.input().tensor();
        for (int channel = 0; channel < 3; channel++) {
            assertEquals(0.0, mean(tensor, channel), 1e-5, "mean of channel " + channel);
            assertEquals(1.0, std(tensor, channel), 1e-4, "std of channel " + channel);
        }
    }

    @Test
    void tensorIsChannelThenRowThenColumn() {
        byte[] png = TestImages.encode(TestImages.image(256, 256, BufferedImage.TYPE_INT_RGB,
                (x, y) -> x << 16 | y << 8 | (x < 128 ? 10 : 200)), "png");

        float[] tensor = Preprocessing.prepare(MriImage.decode(png)).input().tensor();

        // R grows along x only, G along y only; B is a left/right step.
        assertTrue(tensor[ModelInput.index(0, 200, 7)] > tensor[ModelInput.index(0, 100, 7)]);
        assertEquals(tensor[ModelInput.index(0, 100, 7)], tensor[ModelInput.index(0, 100, 250)]);
        assertTrue(tensor[ModelInput.index(1, 7, 200)] > tensor[ModelInput.index(1, 7, 100)]);
        assertEquals(tensor[ModelInput.index(1, 100, 7)], tensor[ModelInput.index(1, 250, 7)]);
        assertEquals(-1.0f, tensor[ModelInput.index(2, 0, 0)], 1e-6f);
        assertEquals(1.0f, tensor[ModelInput.index(2, 255, 0)], 1e-6f);
    }

    @Test
    void greyscaleIsReplicatedToThreeEqualChannelsAndReported() {
        byte[] png = TestImages.encode(TestImages.image(256, 256, BufferedImage.TYPE_BYTE_GRAY,
                (x, y) -> (x * y) % 251), "png");

        PreparedSlice cut = Preprocessing.prepare(MriImage.decode(png));

        assertTrue(cut.greyscale());
        float[] tensor = cut.input().tensor();
        for (int i = 0; i < N; i++) {
            assertEquals(tensor[i], tensor[N + i], 0f);
            assertEquals(tensor[i], tensor[2 * N + i], 0f);
        }
        assertEquals(1.0, std(tensor, 0), 1e-4);
    }

    @Test
    void largerAndSmallerSlicesAreResizedTo256() {
        for (int side : new int[]{512, 300, 128, 17}) {
            byte[] png = TestImages.encode(TestImages.image(side, side, BufferedImage.TYPE_BYTE_GRAY,
                    (x, y) -> x * 255 / (side - 1)), "png");

            PreparedSlice cut = Preprocessing.prepare(MriImage.decode(png));

            assertEquals(256, cut.slice().width());
            assertEquals(256, cut.slice().height());
            assertTrue(cut.resized());
            assertEquals(side, cut.sourceWidth());
            assertEquals(3 * N, cut.input().tensor().length);
            assertTrue(cut.slice().sample(255, 128, 0) > 240, "right edge stays bright at " + side);
            assertTrue(cut.slice().sample(0, 128, 0) < 15, "left edge stays dark at " + side);
        }
    }

    @Test
    void uniformSliceStaysExactlyUniformAndAConstantChannelBecomesZeros() {
        byte[] png = TestImages.encode(TestImages.image(700, 700, BufferedImage.TYPE_INT_RGB,
                (x, y) -> 90 << 16 | 90 << 8 | 90), "png");

        PreparedSlice cut = Preprocessing.prepare(MriImage.decode(png));

        for (int i = 0; i < N; i++) {
            assertEquals(90, cut.slice().sample(i, RgbPixels.GREEN));
        }
        for (float value : cut.input().tensor()) {
            assertEquals(0f, value, 0f);
        }
    }

    @Test
    void shrinkingAveragesInsteadOfPickingPixels() {
        byte[] png = TestImages.encode(TestImages.image(1024, 1024, BufferedImage.TYPE_BYTE_GRAY,
                (x, y) -> x % 2 == 0 ? 0 : 255), "png");

        RgbPixels slice = Preprocessing.prepare(MriImage.decode(png)).slice();

        for (int x = 1; x < 255; x++) {
            assertEquals(127.5, slice.sample(x, 100, RgbPixels.RED), 1.0);
        }
    }

    @Test
    void nonSquareSlicesArePaddedWithBlackNotStretched() {
        byte[] png = TestImages.encode(TestImages.image(512, 256, BufferedImage.TYPE_BYTE_GRAY, (x, y) -> 200), "png");

        RgbPixels slice = Preprocessing.prepare(MriImage.decode(png)).slice();

        assertEquals(0, slice.sample(128, 10, RgbPixels.GREEN));
        assertEquals(0, slice.sample(128, 245, RgbPixels.GREEN));
        assertEquals(200, slice.sample(0, 128, RgbPixels.GREEN));
        assertEquals(200, slice.sample(128, 70, RgbPixels.GREEN));
        assertEquals(200, slice.sample(128, 185, RgbPixels.GREEN));
    }

    private static double mean(float[] tensor, int channel) {
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += tensor[channel * N + i];
        }
        return sum / N;
    }

    private static double std(float[] tensor, int channel) {
        double mean = mean(tensor, channel);
        double squares = 0;
        for (int i = 0; i < N; i++) {
            double d = tensor[channel * N + i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / N);
    }
}
