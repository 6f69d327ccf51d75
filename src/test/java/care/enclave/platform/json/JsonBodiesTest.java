package care.enclave.platform.json;

import care.enclave.platform.problem.InvalidRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{\"x\":[{\"c\":1,\"c\":2}]}"})
    void aRepeatedKeyIsRefusedWhereUniqueKeysAreRequired(String body) {
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> JsonBodies.readObjectWithUniqueKeys(stream(body), 64 * 1024));
        assertTrue(refused.getMessage().startsWith("The request body repeats the key "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"b\":{\"a\":2}}", "{\"x\":[{\"c\":1},{\"c\":2}]}"})
    void theSameKeyInDifferentObjectsIsNoRepetition(String body) {
        assertDoesNotThrow(() -> JsonBodies.readObjectWithUniqueKeys(stream(body), 64 * 1024));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1}\u0001", "{\"a\":1} x", "{\"a\":1}{\"b\":2}", "{\"a\":1}]"})
    void contentAfterTheObjectIsMalformedNotAServerFailure(String body) {
        InvalidRequest refused = assertThrows(InvalidRequest.class,
                () -> JsonBodies.readObjectWithUniqueKeys(stream(body), 64 * 1024));
        assertTrue(refused.getMessage().startsWith("The request body is not"), refused.getMessage());
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
