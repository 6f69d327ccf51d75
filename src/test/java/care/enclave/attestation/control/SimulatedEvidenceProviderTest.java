package care.enclave.attestation.control;

import care.enclave.platform.enclave.EvidenceProvider;
import care.enclave.platform.enclave.SimulatedEvidenceProvider;
import care.enclave.platform.enclave.SimulatedSgxPlatform;
import care.enclave.platform.enclave.CodeMeasurement;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.ReportBody;
import care.enclave.attestation.entity.SgxQuote;
import care.enclave.attestation.entity.VerifiedQuote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated quotes are real DCAP v3 quotes that verify only where the installation's simulated root is pinned. */
class SimulatedEvidenceProviderTest {

    static final byte[] MR_ENCLAVE = CodeMeasurement.measure(
            new TreeMap<>(Map.of("/WEB-INF/classes/care/A.class", new byte[]{1, 2, 3})));
    static final byte[] RUNTIME_DATA = "{\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\"}}".getBytes(StandardCharsets.UTF_8);
    static final Clock NOW = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static SimulatedSgxPlatform platform;

    SimulatedEvidenceProvider cut = new SimulatedEvidenceProvider(platform, MR_ENCLAVE, 7, 3);

    @BeforeAll
    static void platform() {
        platform = SimulatedSgxPlatform.loadOrCreate(dir, kek());
    }

    static SecretKeySpec kek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    static QuoteVerifier simulatedVerifier(SimulatedSgxPlatform trusted) {
        return new QuoteVerifier(TrustedRoots.intelAndSimulated(trusted.rootPublicKey()), NOW);
    }

    private AttestationFailure refused(QuoteVerifier verifier, byte[] quote, byte[] runtimeData) {
        return assertThrows(AttestationFailure.class, () -> verifier.verify(quote, runtimeData));
    }

    @Test
    void aSimulatedQuoteVerifiesWhereTheSimulatedRootIsTrusted() {
        byte[] quote = cut.quote(EvidenceProvider.reportDataFor(RUNTIME_DATA));

        VerifiedQuote verified = simulatedVerifier(platform).verify(quote, RUNTIME_DATA);

        ReportBody enclave = verified.enclave();
        assertArrayEquals(MR_ENCLAVE, enclave.mrEnclave());
        assertArrayEquals(platform.mrSigner(), enclave.mrSigner());
        assertEquals(7, enclave.isvProdId());
        assertEquals(3, enclave.isvSvn());
        assertTrue(enclave.debuggable());
        assertTrue(verified.simulated());
        assertArrayEquals(EvidenceProvider.reportDataFor(RUNTIME_DATA), enclave.reportData());
        assertArrayEquals(new byte[32], Arrays.copyOfRange(enclave.reportData(), 32, 64));
        assertEquals("simulated", cut.kind());
    }

    @Test
    void theSameQuoteIsRefusedWhereOnlyIntelIsTrusted() {
        byte[] quote = cut.quote(EvidenceProvider.reportDataFor(RUNTIME_DATA));

        assertEquals(Reason.UNTRUSTED_ROOT,
                refused(new QuoteVerifier(TrustedRoots.intelOnly(), NOW), quote, RUNTIME_DATA).failedCheck());
    }

    @Test
    void aQuoteFromAnotherInstallationsPlatformIsRefused(@TempDir Path otherDir) {
        SimulatedSgxPlatform other = SimulatedSgxPlatform.loadOrCreate(otherDir, kek());
        byte[] quote = new SimulatedEvidenceProvider(other, MR_ENCLAVE, 7, 3).quote(new byte[64]);

        assertEquals(Reason.UNTRUSTED_ROOT, refused(simulatedVerifier(platform), quote, null).failedCheck());
    }

    @Test
    void runtimeDataThatWasNotBoundIsRefused() {
        byte[] quote = cut.quote(EvidenceProvider.reportDataFor(RUNTIME_DATA));
        byte[] other = "{\"jwk\":\"someone else's key\"}".getBytes(StandardCharsets.UTF_8);

        assertEquals(Reason.REPORT_DATA_MISMATCH, refused(simulatedVerifier(platform), quote, other).failedCheck());
    }

    @Test
    void theQuoteHasTheLayoutOfARealOne() throws Exception {
        SgxQuote quote = SgxQuote.parse(cut.quote(new byte[64]));

        assertEquals(3, quote.version());
        assertEquals(2, quote.attestationKeyType());
        assertArrayEquals(QuoteVerifier.INTEL_QE_VENDOR_ID, quote.qeVendorId());
        assertEquals(0x07, quote.enclave().attributeFlags());
        assertEquals(0x03, quote.enclave().attributes()[8]);
        assertTrue(quote.qeReport().debuggable());
        assertEquals(32, quote.qeAuthData().length);
        assertEquals(5, quote.certificationDataType());
        assertEquals(0, quote.certificationData()[quote.certificationData().length - 1]);
        for (X509Certificate certificate : QuoteVerifier.certificates(quote.certificationData())) {
            assertTrue(certificate.getSubjectX500Principal().getName().contains("NOT Intel"));
            assertTrue(certificate.getSubjectX500Principal().getName().contains("Simulated"));
        }
    }

    @Test
    void flippingAnyByteBeforeTheCertificatesIsRefused() {
        byte[] quote = cut.quote(EvidenceProvider.reportDataFor(RUNTIME_DATA));
        int pemStart = QuoteVerifierVectorsTest.indexOf(quote, "-----BEGIN".getBytes(StandardCharsets.US_ASCII));
        QuoteVerifier verifier = simulatedVerifier(platform);
        for (int i = 0; i < pemStart; i++) {
            int at = i;
            assertThrows(AttestationFailure.class,
                    () -> verifier.verify(QuoteVerifierVectorsTest.flip(quote, at), RUNTIME_DATA), "byte " + i);
        }
    }

    @Test
    void reportDataOfTheWrongLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> cut.quote(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> cut.quote(new byte[65]));
        assertThrows(IllegalArgumentException.class, () -> cut.quote(null));
    }

    @Test
    void anEnclaveIdentityOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedEvidenceProvider(platform, new byte[31], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedEvidenceProvider(platform, MR_ENCLAVE, 65536, 0));
        assertThrows(IllegalArgumentException.class, () -> new SimulatedEvidenceProvider(platform, MR_ENCLAVE, 0, -1));
    }
}
