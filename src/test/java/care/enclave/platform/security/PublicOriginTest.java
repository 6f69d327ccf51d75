package care.enclave.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublicOriginTest {

    @Test
    void resolvesPathsOnTheConfiguredOriginOnly() {
        PublicOrigin origin = new PublicOrigin("https://Care.Example:8443");

        assertEquals("https://care.example:8443/patient/p_1", origin.resolve("/patient/p_1").toString());
        assertEquals("https://care.example:8443/x?a=1", origin.resolve("/x?a=1").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "evil", "https://evil.example/x", ""})
    void aTargetThatWouldLeaveTheOriginIsRefused(String target) {
        PublicOrigin origin = new PublicOrigin("https://care.example");

        assertThrows(IllegalArgumentException.class, () -> origin.resolve(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://care.example", "https://care.example/app", "https://user@care.example",
            "https://care.example?x", "care.example", "https://"})
    void onlyAnHttpsOriginWithoutPathIsAccepted(String value) {
        assertThrows(IllegalArgumentException.class, () -> new PublicOrigin(value));
    }
}
