package care.enclave.attestation.control;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/** The real SGX evidence in ../shared/vectors; tests skip with a clear message where it is absent. */
final class Vectors {

    /** Inside every vector's certificate validity and the Phala collateral's issue window. */
    static final Clock EVALUATION_TIME = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
    static final int OE_HEADER_LENGTH = 16;

    private Vectors() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("shared.dir", "../shared"), "vectors");
        Assumptions.assumeTrue(Files.isDirectory(dir),
                "SKIPPED: the real SGX vectors are not at " + dir.toAbsolutePath() + " (../shared/vectors)");
        return dir;
    }

    static byte[] read(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(read(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An Open Enclave report is a 16-byte OE header followed by the SGX quote. */
    static byte[] quoteOfOeReport(String name) {
        byte[] report = read(name);
        return Arrays.copyOfRange(report, OE_HEADER_LENGTH, report.length);
    }

    static QuoteVerifier intelVerifier() {
        return new QuoteVerifier(TrustedRoots.intelOnly(), EVALUATION_TIME);
    }
}
