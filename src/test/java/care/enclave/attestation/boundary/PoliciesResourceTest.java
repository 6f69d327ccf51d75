package care.enclave.attestation.boundary;

import jakarta.ws.rs.NotSupportedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A policy is taken only as JSON, said so in the Content-Type header. */
class PoliciesResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "Application/JSON"})
    void jsonIsTaken(String contentType) {
        assertDoesNotThrow(() -> PoliciesResource.requireJson(contentType));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "*/*", "application/*",
            "application/json; charset=ISO-8859-1", "application/json-patch+json", "not a type", ""})
    void anythingElseIs415(String contentType) {
        assertThrows(NotSupportedException.class, () -> PoliciesResource.requireJson(contentType));
    }
}
