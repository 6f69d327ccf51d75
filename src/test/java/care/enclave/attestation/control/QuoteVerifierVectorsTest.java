package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.ReportBody;
import care.enclave.attestation.entity.VerifiedQuote;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quotes from real SGX machines, verified against Intel's root; tampering of every kind refused. */
class QuoteVerifierVectorsTest {

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static AttestationFailure refused(byte[] quote, byte[] runtimeData) {
        return assertThrows(AttestationFailure.class, () -> Vectors.intelVerifier().verify(quote, runtimeData));
    }

    @ParameterizedTest
    @CsvSource({
            "sgx/phala_sgx_quote.bin,33d8736db756ed49,0,0,false",
            "sgx/intel_sdk_release.quote.bin,d37d983a85d63fb4,1,1,false",
            "sgx/intel_sdk_debug.quote.bin,3e2df98fc7fd042b,1,1,true"})
    void realQuotesVerifyAgainstIntelsRoot(String file, String mrEnclave, int prodId, int svn, boolean debug) {
        VerifiedQuote verified = Vectors.intelVerifier().verify(Vectors.read(file), null);

        ReportBody enclave = verified.enclave();
        assertTrue(hex(enclave.mrEnclave()).startsWith(mrEnclave));
        assertEquals(prodId, enclave.isvProdId());
        assertEquals(svn, enclave.isvSvn());
        assertEquals(debug, enclave.debuggable());
        assertFalse(verified.simulated());
        assertEquals(3, verified.pckChain().size());
    }

    @Test
    void intelSdkQuotesMatchTheirPublishedEnclaveInfo() {
        JsonObject info = Json.createReader(new StringReader(Vectors.text("sgx/intel_sdk_release.enclave-info.json")))
                .readObject();
        byte[] heldData = HexFormat.of().parseHex(info.getString("EnclaveHeldDataHex"));

        VerifiedQuote verified = Vectors.intelVerifier().verify(Vectors.read("sgx/intel_sdk_release.quote.bin"), heldData);

        assertEquals(info.getString("MrEnclaveHex").toLowerCase(), hex(verified.enclave().mrEnclave()));
        assertEquals(info.getString("MrSignerHex").toLowerCase(), hex(verified.enclave().mrSigner()));
    }

    @Test
    void phalaQuoteCarriesHelloWorld() {
        VerifiedQuote verified = Vectors.intelVerifier().verify(Vectors.read("sgx/phala_sgx_quote.bin"), null);

        assertEquals("Hello, world!", new String(verified.enclave().reportData(), 0, 13, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({"sgx/azure_sdk_oe_nondebug.oe_report.bin,b779202618becb636768e5d902f28d524222735fafb539ea9ba07c3fc171a1c2,false",
            "sgx/azure_sdk_oe_debug.oe_report.bin,292a1f4b519e4662,true"})
    void openEnclaveReportsBindTheirRuntimeData(String file, String mrEnclave, boolean debug) {
        byte[] runtimeData = Vectors.read("sgx/azure_sdk_oe.runtime_data.bin");

        VerifiedQuote verified = Vectors.intelVerifier().verify(Vectors.quoteOfOeReport(file), runtimeData);

        assertTrue(hex(verified.enclave().mrEnclave()).startsWith(mrEnclave));
        assertEquals(debug, verified.enclave().debuggable());
    }

    @Test
    void theTamperedChainVectorIsRefusedByChainValidation() {
        byte[] quote = Vectors.quoteOfOeReport("negative/openenclave_tampered_chain.oe_report.bin");

        assertEquals(Reason.CERTIFICATE_CHAIN_INVALID, refused(quote, null).failedCheck());
    }

    @Test
    void runtimeDataThatWasNotBoundIsRefused() {
        byte[] quote = Vectors.quoteOfOeReport("sgx/azure_sdk_oe_nondebug.oe_report.bin");
        byte[] other = "{\"jwk\":\"someone else's key\"}".getBytes(StandardCharsets.UTF_8);

        assertEquals(Reason.REPORT_DATA_MISMATCH, refused(quote, other).failedCheck());
    }

    @Test
    void flippingAnyByteOfTheSignedHeaderAndBodyIsRefused() {
        byte[] quote = Vectors.read("sgx/phala_sgx_quote.bin");
        for (int i = 0; i < 432; i++) {
            byte[] tampered = quote.clone();
            tampered[i] ^= 0x01;
            AttestationFailure failure = refused(tampered, null);
            assertTrue(failure.reason() != null, "byte " + i);
        }
    }

    @Test
    void flippingBytesOfTheSignatureDataIsRefusedWithTheMatchingReason() {
        byte[] quote = Vectors.read("sgx/phala_sgx_quote.bin");
        int signatureData = 436;
        assertEquals(Reason.QUOTE_SIGNATURE_INVALID, refused(flip(quote, signatureData + 10), null).failedCheck());
        // The attestation key is bound by the QE report, which is checked before the quote signature.
        assertEquals(Reason.QE_REPORT_DATA_MISMATCH, refused(flip(quote, signatureData + 64 + 5), null).failedCheck());
        assertEquals(Reason.QE_REPORT_SIGNATURE_INVALID, refused(flip(quote, signatureData + 128 + 64), null).failedCheck());
        assertEquals(Reason.QE_REPORT_SIGNATURE_INVALID, refused(flip(quote, signatureData + 128 + 384 + 3), null).failedCheck());
    }

    @Test
    void everySingleByteFlipOfTheWholeQuoteIsRefused() {
        byte[] quote = Vectors.read("sgx/intel_sdk_release.quote.bin");
        int pemStart = indexOf(quote, "-----BEGIN".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < pemStart; i++) {
            int at = i;
            assertThrows(AttestationFailure.class, () -> Vectors.intelVerifier().verify(flip(quote, at), null),
                    "byte " + i);
        }
    }

    @Test
    void truncatedQuotesAreMalformed() {
        byte[] quote = Vectors.read("sgx/phala_sgx_quote.bin");

        assertEquals(Reason.MALFORMED_EVIDENCE, refused(Arrays.copyOf(quote, 1000), null).failedCheck());
        assertEquals(Reason.MALFORMED_EVIDENCE, refused(new byte[10], null).failedCheck());
    }

    @Test
    void aQuoteIsRefusedOnceItsPckCertificateHasExpired() {
        Clock later = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);

        AttestationFailure failure = assertThrows(AttestationFailure.class,
                () -> new QuoteVerifier(TrustedRoots.intelOnly(), later).verify(Vectors.read("sgx/phala_sgx_quote.bin"), null));
        assertEquals(Reason.CERTIFICATE_EXPIRED, failure.failedCheck());
    }

    @Test
    void aQuoteIsRefusedBeforeItsPckCertificateIsValid() {
        Clock earlier = Clock.fixed(Instant.parse("2022-01-01T00:00:00Z"), ZoneOffset.UTC);

        AttestationFailure failure = assertThrows(AttestationFailure.class,
                () -> new QuoteVerifier(TrustedRoots.intelOnly(), earlier).verify(Vectors.read("sgx/phala_sgx_quote.bin"), null));
        assertEquals(Reason.CERTIFICATE_NOT_YET_VALID, failure.failedCheck());
    }

    @Test
    void messagesNeverQuoteTheEvidence() {
        AttestationFailure failure = refused(flip(Vectors.read("sgx/phala_sgx_quote.bin"), 500), null);

        assertFalse(failure.getMessage().matches(".*[0-9a-f]{16}.*"));
    }

    static byte[] flip(byte[] quote, int at) {
        byte[] tampered = quote.clone();
        tampered[at] ^= 0x01;
        return tampered;
    }

    static int indexOf(byte[] data, byte[] needle) {
        for (int i = 0; i <= data.length - needle.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(data, i, i + needle.length), needle)) {
                return i;
            }
        }
        return -1;
    }
}
