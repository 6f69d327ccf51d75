package care.enclave.inference.boundary;

import care.enclave.inference.control.TestInferenceServices;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models check against real models in ONNX Runtime, an empty folder, and no folder configured. */
class ModelsHealthTest {

    @TempDir
    Path empty;

    private static String reason(HealthCheckResponse response) {
        return (String) response.getData().orElseThrow().get("reason");
    }

    private static ModelsHealth check(Optional<String> modelsDir) {
        ModelsHealth cut = new ModelsHealth();
        cut.models = TestInferenceServices.loaded(modelsDir);
        return cut;
    }

    @Test
    void loadedModelsAreUpAndNamedWithTheirHash() throws Exception {
        Path models = Path.of(ModelsHealthTest.class.getResource("/models/tiny-sigmoid.onnx").toURI()).getParent();

        HealthCheckResponse response = check(Optional.of(models.toString())).call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertTrue(reason(response).contains("tiny-sigmoid (sha256 "), reason(response));
        assertTrue(reason(response).contains("flair-threshold (sha256 "), reason(response));
    }

    @Test
    void aConfiguredFolderWithoutModelsIsDown() {
        HealthCheckResponse response = check(Optional.of(empty.toString())).call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    }

    @Test
    void aServerThatServesNoInferenceIsNotHeldBack() {
        HealthCheckResponse response = check(Optional.empty()).call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertTrue(reason(response).startsWith("no model folder configured"), reason(response));
    }

    @Test
    void anIdleEngineIsLive() {
        InferenceEngineHealth cut = new InferenceEngineHealth();
        cut.models = TestInferenceServices.loaded(Optional.of(empty.toString()));
        cut.stuckAfter = Duration.ofMinutes(5);

        assertEquals(HealthCheckResponse.Status.UP, cut.call().getStatus());
    }
}
