package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.Delineation;
import care.enclave.inference.control.InferenceEngine;
import care.enclave.inference.control.ModelRegistry;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed model (model/unet.onnx) on the real sample slice, through the same preparation and
 * outline as /delineate: the outline must follow the large FLAIR-bright tumour on the image's left half.
 */
class TrainedModelOnSampleTest {

    @Test
    void theModelFindsTheTumourOnTheLeftHalf() throws Exception {
        Path model = Path.of("model/unet.onnx");
        Path slice = Path.of(System.getProperty("shared.dir", "../shared"), "data/TCGA_CS_4944.png");
        Assumptions.assumeTrue(Files.exists(model), "SKIPPED: no trained model at " + model.toAbsolutePath());
        Assumptions.assumeTrue(Files.exists(slice), "SKIPPED: the sample MRI slice is not at " + slice);
        PreparedSlice prepared = Preprocessing.prepare(MriImage.decode(Files.readAllBytes(slice)));

        Delineation delineation;
        try (ModelRegistry registry = ModelRegistry.load(model.getParent(), 2)) {
            ModelInfo info = registry.info("unet");
            Tensor input = new Tensor(info.inputs().get(0).name(), prepared.input().shape(), prepared.input().tensor());
            float[] probabilities = new InferenceEngine(registry, 1, 1, 60_000).infer("unet", List.of(input)).get(0).data();
            delineation = Postprocessing.delineate(prepared, probabilities);
        }

        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(delineation.maskPng()));
        int left = 0;
        int total = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                if ((mask.getRGB(x, y) & 0xff) > 127) {
                    total++;
                    left += x < mask.getWidth() / 2 ? 1 : 0;
                }
            }
        }
        Files.createDirectories(Path.of("target/model-check"));
        Files.write(Path.of("target/model-check/unet-overlay.png"), delineation.overlayPng());
        assertTrue(total > 1000, "a large lesion is found: " + total + " pixels");
        assertTrue(left >= 0.8 * total, "the lesion lies on the left half: " + left + " of " + total);
        assertTrue(delineation.lesionFraction() < 0.5, "few false regions elsewhere");
    }
}
