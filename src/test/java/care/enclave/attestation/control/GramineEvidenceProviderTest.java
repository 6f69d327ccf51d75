package care.enclave.attestation.control;

import care.enclave.platform.enclave.GramineEvidenceProvider;
import care.enclave.platform.enclave.EvidenceException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Against a directory laid out like Gramine's /dev/attestation, holding a real quote from an SGX machine
 * (report data "Hello, world!"): the report data goes to user_report_data, the quote comes back.
 */
class GramineEvidenceProviderTest {

    @TempDir
    Path base;
    byte[] realQuote;
    byte[] itsReportData;
    GramineEvidenceProvider cut;

    @BeforeEach
    void attestationPseudoFiles() throws IOException {
        realQuote = Vectors.read("sgx/phala_sgx_quote.bin");
        itsReportData = Arrays.copyOfRange(realQuote, 48 + 320, 48 + 384);
        Files.createFile(base.resolve("user_report_data"));
        Files.write(base.resolve("quote"), realQuote);
        cut = new GramineEvidenceProvider(base);
    }

    @Test
    void writesTheReportDataThenReturnsTheQuote() throws IOException {
        byte[] quote = cut.quote(itsReportData);

        assertArrayEquals(itsReportData, Files.readAllBytes(base.resolve("user_report_data")));
        assertArrayEquals(realQuote, quote);
        Vectors.intelVerifier().verify(quote, null);
        assertEquals("gramine", cut.kind());
    }

    @Test
    void aQuoteThatDoesNotCarryTheReportDataWrittenIsRefused() throws IOException {
        byte[] other = new byte[64];
        other[0] = 1;

        EvidenceException failure = assertThrows(EvidenceException.class, () -> cut.quote(other));
        assertArrayEquals(other, Files.readAllBytes(base.resolve("user_report_data")));
        assertFalse(failure.getMessage().matches(".*[0-9a-f]{16}.*"));
    }

    @Test
    void outsideGramineItFailsClosedWithoutCreatingFiles() {
        Path absent = base.resolve("absent");

        EvidenceException failure = assertThrows(EvidenceException.class,
                () -> new GramineEvidenceProvider(absent).quote(itsReportData));
        assertEquals("Evidence unavailable: cannot write Gramine's user_report_data (not running in Gramine with SGX?)",
                failure.getMessage());
        assertFalse(Files.exists(absent));
    }

    @Test
    void anUnreadableQuoteFailsClosed() throws IOException {
        Files.delete(base.resolve("quote"));

        assertThrows(EvidenceException.class, () -> cut.quote(itsReportData));
    }

    @Test
    void reportDataOfTheWrongLengthIsRefusedBeforeAnythingIsWritten() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> cut.quote(new byte[63]));
        assertThrows(IllegalArgumentException.class, () -> cut.quote(new byte[65]));
        assertThrows(IllegalArgumentException.class, () -> cut.quote(null));
        assertEquals(0, Files.size(base.resolve("user_report_data")));
    }
}
