package care.enclave.inference.control;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Loading models: independent of the caller's thread, and all or nothing. */
class ModelRegistryTest {

    @TempDir
    Path folder;

    /**
     * A benchmark harness once crashed (SIGSEGV) creating the U-Net's session on a JVM's main thread at -Xss1m
     * and -Xss2m; the servers load models on ordinary threads. This pins down that a small caller stack is
     * enough, so no deployment needs a larger -Xss for the model.
     */
    @Test
    void theUNetLoadsWhateverStackTheCallingThreadHas() throws Exception {
        Path model = Path.of("model/unet.onnx");
        Assumptions.assumeTrue(Files.exists(model), "SKIPPED: no trained model at " + model.toAbsolutePath());
        AtomicReference<String> loaded = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread caller = new Thread(null, () -> {
            try (ModelRegistry registry = ModelRegistry.load(model.getParent(), 1)) {
                loaded.set(registry.info("unet").name());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack-caller", 256 * 1024);
        caller.start();
        caller.join();

        assertNull(failure.get());
        assertEquals("unet", loaded.get());
    }

    @Test
    void aModelThatDoesNotLoadFailsTheWholeRegistryWithoutNamingItsContent() throws Exception {
        Files.copy(Path.of(getClass().getResource("/models/tiny-sigmoid.onnx").toURI()), folder.resolve("a-good.onnx"));
        Files.write(folder.resolve("b-broken.onnx"), new byte[]{8, 1, 18, 4, 'n', 'o', 'p', 'e', 0x7f});

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ModelRegistry.load(folder, 1));

        assertEquals("ModelRegistry: model b-broken could not be loaded", refused.getMessage());
    }
}
