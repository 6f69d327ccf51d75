package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.Delineation;
import care.enclave.diagnostics.entity.ModelInput;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Postprocessing on a synthetic head: a grey disc of radius 100 with a brighter FLAIR lesion, and a
 * probability map that is a disc of radius 20 around the lesion.
 */
class PostprocessingTest {

    private static final int SIDE = ModelInput.SIDE;
    private static final int RED = 0xFF0000;

    @Test
    void discMapGivesItsPixelCountFractionOutlineAndMask() {
        PreparedSlice slice = syntheticHead(0);
        float[] map = disc(90, 128, 20, 0.9f, 0.1f);

        Delineation cut = Postprocessing.delineate(slice, map);

        int lesion = discPixels(20);
        assertEquals(lesion, cut.lesionPixels());
        assertEquals(1, cut.lesionRegions());
        assertEquals(discPixels(100), cut.brainPixels());
        assertEquals((double) lesion / discPixels(100), cut.lesionFraction(), 1e-12);
        assertTrue(cut.lesionFraction() > 0 && cut.lesionFraction() < 1);
        assertFalse(cut.greyscaleInput());
        assertOutlineRedAndEverythingElseGrey(TestImages.read(cut.overlayPng()), map);
        assertMaskRoundTrips(TestImages.read(cut.maskPng()), map);
    }

    @Test
    void overlayShowsFlairStretchedToFullGreyRange() {
        BufferedImage overlay = TestImages.read(Postprocessing.delineate(syntheticHead(0), new float[SIDE * SIDE])
                .overlayPng());

        assertEquals(0, overlay.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, overlay.getRGB(90, 128) & 0xFFFFFF);
        int tissue = overlay.getRGB(200, 128) & 0xFF;
        assertEquals(Math.round(120 * 255f / 220), tissue);
    }

    @Test
    void probabilityOfExactlyOneHalfIsNotLesion() {
        float[] map = new float[SIDE * SIDE];
        map[SIDE * 128 + 100] = 0.5f;
        map[SIDE * 128 + 150] = Math.nextUp(0.5f);

        Delineation cut = Postprocessing.delineate(syntheticHead(0), map);

        assertEquals(1, cut.lesionPixels());
    }

    @Test
    void separateLesionsAreCountedAsRegions() {
        float[] map = disc(90, 128, 10, 1f, 0f);
        float[] second = disc(170, 128, 10, 1f, 0f);
        for (int i = 0; i < map.length; i++) {
            map[i] = Math.max(map[i], second[i]);
        }

        Delineation cut = Postprocessing.delineate(syntheticHead(0), map);

        assertEquals(2, cut.lesionRegions());
        assertEquals(2 * discPixels(10), cut.lesionPixels());
    }

    @Test
    void noLesionGivesZeroesAndAnOverlayWithoutRed() {
        Delineation cut = Postprocessing.delineate(syntheticHead(0), new float[SIDE * SIDE]);

        assertEquals(0, cut.lesionPixels());
        assertEquals(0, cut.lesionRegions());
        assertEquals(0.0, cut.lesionFraction());
        assertEquals(0, countRed(TestImages.read(cut.overlayPng())));
    }

    @Test
    void darkHolesInsideTheHeadCountAsBrainAndABlankSliceHasNone() {
        Delineation withHole = Postprocessing.delineate(syntheticHead(25), new float[SIDE * SIDE]);
        assertEquals(discPixels(100), withHole.brainPixels());

        Delineation blank = Postprocessing.delineate(Preprocessing.prepare(MriImage.decode(TestImages.encode(
                TestImages.image(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY, (x, y) -> 0), "png"))),
                disc(128, 128, 20, 1f, 0f));
        assertEquals(0, blank.brainPixels());
        assertEquals(0.0, blank.lesionFraction());
        assertTrue(blank.greyscaleInput());
    }

    @Test
    void brokenModelOutputIsRefusedWithoutEchoingValues() {
        PreparedSlice slice = syntheticHead(0);
        float[] nan = new float[SIDE * SIDE];
        nan[5] = Float.NaN;
        float[] above = new float[SIDE * SIDE];
        above[5] = 1.75f;
        float[] below = new float[SIDE * SIDE];
        below[5] = -0.25f;

        for (float[] map : new float[][]{null, new float[100], nan, above, below}) {
            InvalidModelOutput refused = assertThrows(InvalidModelOutput.class,
                    () -> Postprocessing.delineate(slice, map));
            assertFalse(refused.getMessage().matches(".*(NaN|1\\.75|0\\.25|100).*"), refused.getMessage());
        }
    }

    /** A head disc (radius 100, grey 120 in all channels) with a FLAIR-bright lesion and an optional dark hole. */
    static PreparedSlice syntheticHead(int holeRadius) {
        BufferedImage image = TestImages.image(SIDE, SIDE, BufferedImage.TYPE_INT_RGB, (x, y) -> {
            if (!inDisc(x, y, 128, 128, 100) || inDisc(x, y, 170, 128, holeRadius)) {
                return 0;
            }
            int flair = inDisc(x, y, 90, 128, 20) ? 220 : 120;
            return 120 << 16 | flair << 8 | 120;
        });
        return Preprocessing.prepare(MriImage.decode(TestImages.encode(image, "png")));
    }

    static float[] disc(int cx, int cy, int radius, float inside, float outside) {
        float[] map = new float[SIDE * SIDE];
        for (int i = 0; i < map.length; i++) {
            map[i] = inDisc(i % SIDE, i / SIDE, cx, cy, radius) ? inside : outside;
        }
        return map;
    }

    private static boolean inDisc(int x, int y, int cx, int cy, int radius) {
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
    }

    /** Lattice points in a disc: counted directly, independently of the code under test. */
    private static int discPixels(int radius) {
        int count = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                count += x * x + y * y <= radius * radius ? 1 : 0;
            }
        }
        return count;
    }

    private static void assertOutlineRedAndEverythingElseGrey(BufferedImage overlay, float[] map) {
        int red = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int rgb = overlay.getRGB(x, y) & 0xFFFFFF;
                boolean inside = map[y * SIDE + x] > 0.5f;
                boolean edge = inside && hasOutsideNeighbour(map, x, y);
                if (edge) {
                    assertEquals(RED, rgb, "outline pixel " + x + "," + y);
                    red++;
                } else {
                    assertTrue((rgb >> 16) == (rgb & 0xFF) && ((rgb >> 8) & 0xFF) == (rgb & 0xFF),
                            "grey pixel " + x + "," + y);
                }
            }
        }
        assertTrue(red > 2 * Math.PI * 20 * 0.9 && red < 2 * Math.PI * 20 * 1.5, "outline of " + red + " pixels");
        assertEquals(0xFFFFFF, overlay.getRGB(90, 128) & 0xFFFFFF, "lesion interior is grey (bright FLAIR)");
    }

    private static boolean hasOutsideNeighbour(float[] map, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= SIDE || ny >= SIDE || map[ny * SIDE + nx] <= 0.5f) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void assertMaskRoundTrips(BufferedImage mask, float[] map) {
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType());
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                assertEquals(map[y * SIDE + x] > 0.5f ? 255 : 0, mask.getRaster().getSample(x, y, 0));
            }
        }
    }

    private static int countRed(BufferedImage overlay) {
        int red = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                red += (overlay.getRGB(x, y) & 0xFFFFFF) == RED ? 1 : 0;
            }
        }
        return red;
    }
}
