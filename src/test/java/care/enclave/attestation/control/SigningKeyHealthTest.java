package care.enclave.attestation.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the signing-key health check relies on: a present key signs; one whose certificate has lapsed does not. */
class SigningKeyHealthTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aFreshKeyCanSign() {
        TokenFixture fixture = new TokenFixture(dir, "https://as.test", Clock.fixed(NOW, ZoneOffset.UTC), true);

        assertTrue(fixture.keys.signingProblem().isEmpty());
    }

    @Test
    void aKeyWhoseCertificateHasExpiredCannotSign() {
        TokenFixture fixture = new TokenFixture(dir, "https://as.test", Clock.fixed(NOW, ZoneOffset.UTC), true);
        fixture.keys.clock = Clock.fixed(NOW.plus(Duration.ofDays(3651)), ZoneOffset.UTC);

        assertEquals("the current signing key's certificate is not valid now", fixture.keys.signingProblem().orElseThrow());
    }

    @Test
    void noKeyAtAllIsReported() {
        assertEquals("no signing key", new SigningKeys().signingProblem().orElseThrow());
    }
}
