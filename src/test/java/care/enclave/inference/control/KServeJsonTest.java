package care.enclave.inference.control;

import care.enclave.inference.control.InferenceException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KServeJsonTest {

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
                () -> KServeJson.request(body.getBytes(StandardCharsets.UTF_8)));

        assertEquals(Kind.INVALID_INPUT, refused.kind());
    }
}
