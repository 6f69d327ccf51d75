package care.enclave.inference.control;

import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import care.enclave.platform.openinference.Fp32Tensor;
import care.enclave.platform.openinference.KServeBinary;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests in both forms and responses in the form each request asks for. */
class KServeJsonTest {

    static final ModelInfo MODEL = new ModelInfo("m", "ab".repeat(32), 1, List.of(), List.of());
    static final Tensor PROBABILITY = new Tensor("probability", new long[]{2}, new float[]{0.25f, Float.NaN});
    static final Tensor LOGITS = new Tensor("logits", new long[]{1}, new float[]{3f});

    static KServeJson.InferRequest json(String request) {
        return KServeJson.request(request.getBytes(StandardCharsets.UTF_8), null);
    }

    static String input(String extra) {
        return "{\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[1,2]}]" + extra + "}";
    }

    @Test
    void binaryRequestsAreReadWithTheirHeaderLength() {
        KServeBinary.Body body = KServeBinary.write(Json.createObjectBuilder().add("id", "r9"), "inputs",
                List.of(new Fp32Tensor("pixels", new long[]{1, 2}, new float[]{0.5f, -1f})), name -> true);

        KServeJson.InferRequest request = KServeJson.request(body.bytes(), String.valueOf(body.headerLength().orElseThrow()));

        assertEquals("r9", request.id());
        assertArrayEquals(new float[]{0.5f, -1f}, request.inputs().get(0).data());
        assertEquals(Kind.INVALID_INPUT, assertThrows(InferenceException.class,
                () -> KServeJson.request(body.bytes(), "7")).kind());
        assertEquals(Kind.INVALID_INPUT, assertThrows(InferenceException.class,
                () -> KServeJson.request(body.bytes(), null)).kind());
    }

    @Test
    void outputsAreJsonUnlessAskedForAsBinary() {
        KServeBinary.Body plain = KServeJson.response(MODEL, json(input("")), List.of(LOGITS));

        assertTrue(plain.headerLength().isEmpty());
        assertTrue(new String(plain.bytes(), StandardCharsets.UTF_8).contains("\"data\":[3.0]"));
    }

    @Test
    void binaryDataOutputAsksForEveryOutputAsBinary() {
        KServeJson.InferRequest request = json(input(",\"parameters\":{\"binary_data_output\":true}"));

        KServeBinary.Body body = KServeJson.response(MODEL, request, List.of(PROBABILITY, LOGITS));

        List<Fp32Tensor> outputs = KServeBinary.read(body.bytes(), String.valueOf(body.headerLength().orElseThrow()),
                "outputs").tensors();
        assertEquals(2, outputs.size());
        assertTrue(Float.isNaN(outputs.get(0).data()[1]), "binary data carries NaN");
    }

    @Test
    void namedOutputsComeInTheRequestsOrderEachInTheFormItAsks() {
        KServeJson.InferRequest request = json(input(",\"parameters\":{\"binary_data_output\":true},\"outputs\":"
                + "[{\"name\":\"logits\",\"parameters\":{\"binary_data\":false}},{\"name\":\"probability\"}]"));

        KServeBinary.Body body = KServeJson.response(MODEL, request, List.of(PROBABILITY, LOGITS));

        KServeBinary.Message message = KServeBinary.read(body.bytes(),
                String.valueOf(body.headerLength().orElseThrow()), "outputs");
        assertEquals(List.of("logits", "probability"), message.tensors().stream().map(Fp32Tensor::name).toList());
        assertTrue(message.header().getJsonArray("outputs").getJsonObject(0).containsKey("data"));
        assertFalse(message.header().getJsonArray("outputs").getJsonObject(1).containsKey("data"));
        assertEquals("m", message.header().getString("model_name"));
    }

    @Test
    void badOutputRequestsAreInvalidInput() {
        for (String extra : List.of(",\"parameters\":{\"binary_data_output\":\"yes\"}",
                ",\"outputs\":[{\"name\":\"logits\",\"parameters\":{\"binary_data\":1}}]",
                ",\"outputs\":[{\"name\":\"logits\"},{\"name\":\"logits\"}]",
                ",\"outputs\":[\"logits\"]")) {
            assertEquals(Kind.INVALID_INPUT, assertThrows(InferenceException.class, () -> json(input(extra))).kind(), extra);
        }
        KServeJson.InferRequest unknown = json(input(",\"outputs\":[{\"name\":\"other\"}]"));
        assertEquals(Kind.INVALID_INPUT, assertThrows(InferenceException.class,
                () -> KServeJson.response(MODEL, unknown, List.of(LOGITS))).kind());
    }

    @Test
    void aJsonAnswerCannotCarryNanAndSaysSoWithoutValues() {
        InferenceException failure = assertThrows(InferenceException.class,
                () -> KServeJson.response(MODEL, json(input("")), List.of(PROBABILITY)));

        assertEquals(Kind.FAILED, failure.kind());
        assertFalse(failure.getMessage().contains("0.25"));
        assertEquals(Map.of(), json(input("")).outputs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"deep", "not-json", "wrong-types", "bf16"})
    void malformedInferenceRequestsAreInvalidInputNotServerErrors(String kind) {
        String body = switch (kind) {
            case "deep" -> "{\"inputs\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
            case "not-json" -> "{\"inputs\":";
            case "wrong-types" -> "{\"inputs\":[{\"name\":1,\"datatype\":\"FP32\",\"shape\":\"x\",\"data\":{}}]}";
            default -> "{\"inputs\":[{\"name\":\"x\",\"datatype\":\"BF16\",\"shape\":[1],\"data\":[1]}]}";
        };

        InferenceException refused = assertThrows(InferenceException.class,
                () -> KServeJson.request(body.getBytes(StandardCharsets.UTF_8), null));

        assertEquals(Kind.INVALID_INPUT, refused.kind());
    }
}
