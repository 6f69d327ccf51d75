package care.enclave.platform.json;

import care.enclave.platform.problem.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"nested-arrays", "nested-objects"})
    void bodiesNestedBeyondTheParsersLimitAre400NotServerErrors(String kind) {
        String body = kind.equals("nested-arrays") ? "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"
                : "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> JsonBodies.readObject(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 64 * 1024));
        assertFalse(refused.tooLarge());
    }
}
