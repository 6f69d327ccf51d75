package care.enclave.patients.boundary;

import care.enclave.platform.keys.KeyProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data-key check: UP with the key's version (never the key) once released, DOWN without a ring. */
class DataKeyHealthTest {

    @TempDir
    Path dir;

    @Test
    void aReleasedKeyIsUpAndNamesOnlyItsVersionAndSource() {
        DataKeyHealth cut = new DataKeyHealth();
        cut.keys = KeyProvider.openDevelopment(dir);

        HealthCheckResponse response = cut.call();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        String reason = (String) response.getData().orElseThrow().get("reason");
        assertTrue(reason.startsWith("data key version 1 obtained from the sealed-file source"), reason);
        String key = java.util.Base64.getEncoder().encodeToString(cut.keys.currentDataKey().key().getEncoded());
        assertFalse(reason.contains(key));
    }

    @Test
    void withoutAReleasedKeyItIsDown() {
        DataKeyHealth cut = new DataKeyHealth();
        cut.keys = new KeyProvider();

        assertEquals(HealthCheckResponse.Status.DOWN, cut.call().getStatus());
    }
}
