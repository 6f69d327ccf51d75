package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.Delineation;
import care.enclave.diagnostics.entity.ModelInput;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole chain on the real slice, with a crude stand-in for the model (no model runs here): FLAIR
 * above a threshold, largest connected region only (the seed also kept only the largest region; without
 * it the bright scalp fat is outlined too). The pictures go to target/imaging/ for a person to look at:
 * the outline should hug the bright FLAIR region on the image's left half.
 */
class PostprocessingHeuristicOverlayTest {

    /** Normal tissue's FLAIR is about 85-115 in this slice, the tumour's 150-200. */
    private static final int FLAIR_THRESHOLD = 130;

    @Test
    void flairThresholdOutlinesTheTumourOnTheLeft() throws IOException {
        PreparedSlice prepared = Preprocessing.prepare(MriImage.decode(TestImages.sample()));
        boolean[] bright = new boolean[ModelInput.PIXELS];
        for (int i = 0; i < bright.length; i++) {
            bright[i] = prepared.slice().sample(i, RgbPixels.GREEN) > FLAIR_THRESHOLD;
        }
        boolean[] largest = BinaryMasks.largestComponent(bright, ModelInput.SIDE);
        float[] heuristic = new float[ModelInput.PIXELS];
        for (int i = 0; i < heuristic.length; i++) {
            heuristic[i] = largest[i] ? 1f : 0f;
        }

        Delineation cut = Postprocessing.delineate(prepared, heuristic);

        Path dir = Files.createDirectories(Path.of("target", "imaging"));
        Files.write(dir.resolve("overlay-heuristic.png"), cut.overlayPng());
        Files.write(dir.resolve("mask-heuristic.png"), cut.maskPng());
        BufferedImage mask = TestImages.read(cut.maskPng());
        assertTrue(centroidX(mask) < 128, "lesion centroid on the image's left half");
        assertEquals(255, mask.getRaster().getSample(80, 130, 0), "a pixel well inside the tumour");
        assertEquals(0, mask.getRaster().getSample(170, 150, 0), "normal right-hemisphere tissue");
        assertEquals(1, cut.lesionRegions());
        assertTrue(cut.lesionFraction() > 0.05 && cut.lesionFraction() < 0.4, "fraction " + cut.lesionFraction());
        BufferedImage overlay = TestImages.read(cut.overlayPng());
        assertEquals(0xFF0000, overlay.getRGB(leftmostLesionX(mask, 130), 130) & 0xFFFFFF, "outline on the edge");
    }

    private static double centroidX(BufferedImage mask) {
        long sum = 0;
        long count = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                if (mask.getRaster().getSample(x, y, 0) == 255) {
                    sum += x;
                    count++;
                }
            }
        }
        return (double) sum / count;
    }

    private static int leftmostLesionX(BufferedImage mask, int y) {
        for (int x = 0; x < mask.getWidth(); x++) {
            if (mask.getRaster().getSample(x, y, 0) == 255) {
                return x;
            }
        }
        throw new AssertionError("no lesion on row " + y);
    }
}
