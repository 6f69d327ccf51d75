package care.enclave.inference.control;

import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import care.enclave.inference.entity.TensorSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Real ONNX Runtime on a small real model (src/test/resources/models/tiny-sigmoid.onnx). */
class InferenceEngineTest {

    static ModelRegistry registry;

    @BeforeAll
    static void load() throws URISyntaxException {
        Path folder = Path.of(InferenceEngineTest.class.getResource("/models/tiny-sigmoid.onnx").toURI()).getParent();
        registry = ModelRegistry.load(folder, 1);
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    static Tensor pixels(float value) {
        float[] data = new float[3 * 8 * 8];
        Arrays.fill(data, value);
        return new Tensor("pixels", new long[]{1, 3, 8, 8}, data);
    }

    @Test
    void modelsAreDescribedFromTheModelFileItself() {
        ModelInfo info = registry.info("tiny-sigmoid");

        assertEquals(List.of(new TensorSpec("pixels", "FP32", List.of(1L, 3L, 8L, 8L))), info.inputs());
        assertEquals(List.of(new TensorSpec("probability", "FP32", List.of(1L, 1L, 8L, 8L))), info.outputs());
        assertEquals(64, info.sha256().length());
    }

    @Test
    void theFileHashIdentifiesTheModel() throws Exception {
        Path file = Path.of(getClass().getResource("/models/tiny-sigmoid.onnx").toURI());

        assertEquals(ModelRegistry.sha256(file), registry.info("tiny-sigmoid").sha256());
    }

    @Test
    void inferenceRunsTheModel() {
        InferenceEngine cut = new InferenceEngine(registry, 2, 4, 1000);

        Tensor output = cut.infer("tiny-sigmoid", List.of(pixels(0f))).get(0);

        assertEquals("probability", output.name());
        assertEquals(64, output.data().length);
        assertEquals(0.5f, output.data()[0], 1e-6);
        assertEquals(1 / (1 + Math.exp(-2.0)), cut.infer("tiny-sigmoid", List.of(pixels(2f))).get(0).data()[63], 1e-6);
    }

    @Test
    void unknownModelsAreNotFound() {
        InferenceEngine cut = new InferenceEngine(registry, 1, 1, 100);

        assertEquals(Kind.MODEL_NOT_FOUND, assertThrows(InferenceException.class,
                () -> cut.infer("nope", List.of(pixels(0)))).kind());
    }

    @Test
    void inputsMustMatchTheModelsSignature() {
        InferenceEngine cut = new InferenceEngine(registry, 1, 1, 100);
        Tensor wrongShape = new Tensor("pixels", new long[]{1, 3, 4, 4}, new float[48]);
        Tensor wrongName = new Tensor("input.1", new long[]{1, 3, 8, 8}, new float[192]);
        Tensor shortData = new Tensor("pixels", new long[]{1, 3, 8, 8}, new float[10]);

        for (Tensor bad : List.of(wrongShape, wrongName, shortData)) {
            InferenceException failure = assertThrows(InferenceException.class, () -> cut.infer("tiny-sigmoid", List.of(bad)));
            assertEquals(Kind.INVALID_INPUT, failure.kind());
        }
        assertEquals(Kind.INVALID_INPUT, assertThrows(InferenceException.class,
                () -> cut.infer("tiny-sigmoid", List.of())).kind());
    }

    @Test
    void aFullQueueAnswersBusyAtOnce() {
        InferenceEngine noRoom = new InferenceEngine(registry, 0, 0, 10_000);

        long start = System.nanoTime();
        assertEquals(Kind.BUSY, assertThrows(InferenceException.class,
                () -> noRoom.infer("tiny-sigmoid", List.of(pixels(0)))).kind());
        assertEquals(true, System.nanoTime() - start < 5_000_000_000L, "no waiting when the queue is full");
    }

    @Test
    void aQueuedRequestGivesUpAfterItsWait() {
        InferenceEngine noSlots = new InferenceEngine(registry, 0, 1, 50);

        assertEquals(Kind.BUSY, assertThrows(InferenceException.class,
                () -> noSlots.infer("tiny-sigmoid", List.of(pixels(0)))).kind());
        assertEquals(0, noSlots.queueDepth());
    }

    @Test
    void errorMessagesNeverContainTensorValues() {
        InferenceEngine cut = new InferenceEngine(registry, 1, 1, 100);
        Tensor bad = new Tensor("pixels", new long[]{1, 3, 4, 4}, new float[]{123.456f});

        InferenceException failure = assertThrows(InferenceException.class, () -> cut.infer("tiny-sigmoid", List.of(bad)));
        assertEquals(false, failure.getMessage().contains("123"));
    }
}
