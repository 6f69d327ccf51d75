package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.Collateral;
import care.enclave.attestation.entity.ReportBody;
import care.enclave.attestation.entity.VerifiedQuote;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Intel collateral (dcap-qvl's sample) appraises the real Phala quote as dcap-qvl does; every check that
 * Intel's signatures make untestable on real data (revocation, another FMSPC or PCE-ID, stale documents) is
 * exercised under a private PKI of the same shape. Each refusal asserts its reason and which check gave it.
 */
class CollateralVerifierTest {

    private static final String PHALA_QUOTE = "sgx/phala_sgx_quote.bin";

    private final TestCollateralPki pki = new TestCollateralPki();

    private static JsonObject phalaJson() {
        return Json.createReader(new StringReader(Vectors.text("sgx/phala_sgx_quote_collateral.json"))).readObject();
    }

    private static Collateral phalaWith(String key, String value) {
        return Collateral.fromJson(Json.createObjectBuilder(phalaJson()).add(key, value).build());
    }

    private static VerifiedQuote phalaQuote() {
        return Vectors.intelVerifier().verify(Vectors.read(PHALA_QUOTE), null);
    }

    private static VerifiedQuote.TcbStatus intel(VerifiedQuote quote, Collateral collateral) {
        return new CollateralVerifier(TrustedRoots.intelOnly(), Vectors.EVALUATION_TIME).evaluate(quote, collateral);
    }

    private VerifiedQuote.TcbStatus underTestRoot() {
        return new CollateralVerifier(pki.roots(), Vectors.EVALUATION_TIME).evaluate(pki.quote(), pki.collateral());
    }

    private static void refused(Reason reason, String check, Executable evaluation) {
        AttestationFailure failure = assertThrows(AttestationFailure.class, evaluation);
        assertEquals(reason, failure.failedCheck());
        assertTrue(failure.getMessage().contains(check), failure.getMessage());
    }

    private static ReportBody qeWith(ReportBody qe, byte[] mrSigner, int prodId, int svn, int misc, byte[] attributes) {
        return new ReportBody(qe.cpuSvn(), misc, attributes, qe.mrEnclave(), mrSigner, prodId, svn, qe.reportData());
    }

    private static VerifiedQuote withQe(VerifiedQuote quote, ReportBody qe) {
        return new VerifiedQuote(quote.enclave(), qe, quote.pckChain(), quote.simulated(), null);
    }

    // --- real Intel collateral ---

    @Test
    void phalaQuoteIsConfigurationAndSwHardeningNeededLikeDcapQvlSays() {
        VerifiedQuote.TcbStatus tcb = intel(phalaQuote(), Collateral.fromJson(phalaJson()));

        assertEquals("ConfigurationAndSWHardeningNeeded", tcb.status());
        assertEquals(List.of("INTEL-SA-00289", "INTEL-SA-00615"), tcb.advisoryIds());
    }

    @Test
    void thePhalaPckCertificateDescribesItsPlatform() {
        PckCertificateExtensions platform = PckCertificateExtensions.of(phalaQuote().pckChain().get(0));

        assertEquals("00a067110000", HexFormat.of().formatHex(platform.fmspc()));
        assertEquals("0000", HexFormat.of().formatHex(platform.pceId()));
        assertArrayEquals(TestCollateralPki.PLATFORM_SVNS, platform.tcbComponents());
        assertEquals(13, platform.pceSvn());
    }

    @Test
    void camelCaseCollateralReadsTheSame() {
        JsonObject snake = phalaJson();
        var camel = Json.createObjectBuilder();
        snake.forEach((key, value) -> camel.add(camelCase(key), value));

        assertEquals(intel(phalaQuote(), Collateral.fromJson(snake)), intel(phalaQuote(), Collateral.fromJson(camel.build())));
    }

    private static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder();
        for (String part : snake.split("_")) {
            camel.append(camel.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return camel.toString();
    }

    @Test
    void collateralWithAMissingOrAmbiguousOrMalformedFieldIsRefused() {
        JsonObject full = phalaJson();
        refused(Reason.COLLATERAL_INVALID, "collateral lacks",
                () -> Collateral.fromJson(Json.createObjectBuilder(full).remove("pck_crl").build()));
        refused(Reason.COLLATERAL_INVALID, "collateral lacks",
                () -> Collateral.fromJson(Json.createObjectBuilder(full).add("tcbInfo", full.getString("tcb_info")).build()));
        refused(Reason.COLLATERAL_INVALID, "collateral lacks", () -> phalaWith("root_ca_crl", "not hex"));
    }

    @Test
    void tcbInfoTextThatWasAlteredAfterSigningIsRefused() {
        Collateral upgraded = phalaWith("tcb_info",
                phalaJson().getString("tcb_info").replace("ConfigurationAndSWHardeningNeeded", "UpToDate"));

        refused(Reason.COLLATERAL_INVALID, "TCB info signature", () -> intel(phalaQuote(), upgraded));
    }

    @Test
    void qeIdentityTextThatWasAlteredAfterSigningIsRefused() {
        Collateral lowered = phalaWith("qe_identity",
                phalaJson().getString("qe_identity").replace("{\"isvsvn\":8}", "{\"isvsvn\":1}"));

        refused(Reason.COLLATERAL_INVALID, "QE identity signature", () -> intel(phalaQuote(), lowered));
    }

    @Test
    void forgedOrMisplacedSignaturesAreRefused() {
        String signature = phalaJson().getString("tcb_info_signature");
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);

        refused(Reason.COLLATERAL_INVALID, "TCB info signature",
                () -> intel(phalaQuote(), phalaWith("tcb_info_signature", flipped)));
        refused(Reason.COLLATERAL_INVALID, "TCB info signature",
                () -> intel(phalaQuote(), phalaWith("tcb_info_signature", phalaJson().getString("qe_identity_signature"))));
        refused(Reason.COLLATERAL_INVALID, "QE identity signature",
                () -> intel(phalaQuote(), phalaWith("qe_identity_signature", signature.substring(0, 126))));
    }

    @Test
    void collateralIsRefusedOnceItsNextUpdateHasPassed() {
        Clock august = Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC);
        VerifiedQuote quote = phalaQuote();

        refused(Reason.COLLATERAL_INVALID, "is not current", () -> new CollateralVerifier(TrustedRoots.intelOnly(), august)
                .evaluate(quote, Collateral.fromJson(phalaJson())));
    }

    @Test
    void anotherPlatformsQuoteIsRefusedForItsFmspc() {
        VerifiedQuote otherPlatform = Vectors.intelVerifier().verify(Vectors.read("sgx/intel_sdk_release.quote.bin"), null);

        refused(Reason.COLLATERAL_INVALID, "FMSPC", () -> intel(otherPlatform, Collateral.fromJson(phalaJson())));
    }

    @Test
    void aQuotingEnclaveOtherThanIntelsIsRefused() {
        VerifiedQuote quote = phalaQuote();
        ReportBody qe = quote.qeReport();
        byte[] otherSigner = qe.mrSigner().clone();
        otherSigner[0] ^= 1;
        byte[] debugAttributes = qe.attributes().clone();
        debugAttributes[0] |= 0x02;
        Collateral collateral = Collateral.fromJson(phalaJson());

        for (ReportBody impostor : List.of(qeWith(qe, otherSigner, 1, 10, 0, qe.attributes()),
                qeWith(qe, qe.mrSigner(), 2, 10, 0, qe.attributes()),
                qeWith(qe, qe.mrSigner(), 1, 10, 1, qe.attributes()),
                qeWith(qe, qe.mrSigner(), 1, 10, 0, debugAttributes))) {
            refused(Reason.COLLATERAL_INVALID, "QE identity", () -> intel(withQe(quote, impostor), collateral));
        }
    }

    @Test
    void qeAttributeBitsOutsideTheMaskDoNotMatter() {
        VerifiedQuote quote = phalaQuote();
        byte[] attributes = quote.qeReport().attributes().clone();
        attributes[0] ^= 0x04;
        attributes[8] ^= 0x18;
        ReportBody qe = qeWith(quote.qeReport(), quote.qeReport().mrSigner(), 1, 10, 0, attributes);

        assertEquals("ConfigurationAndSWHardeningNeeded", intel(withQe(quote, qe), Collateral.fromJson(phalaJson())).status());
    }

    @Test
    void anOutOfDateQuotingEnclaveConvergesThePlatformStatusAsIntelDoes() {
        VerifiedQuote quote = phalaQuote();
        ReportBody qe = quote.qeReport();

        VerifiedQuote.TcbStatus tcb = intel(withQe(quote, qeWith(qe, qe.mrSigner(), 1, 5, 0, qe.attributes())),
                Collateral.fromJson(phalaJson()));

        assertEquals("OutOfDateConfigurationNeeded", tcb.status());
        assertEquals(List.of("INTEL-SA-00289", "INTEL-SA-00615", "INTEL-SA-00477"), tcb.advisoryIds());
    }

    @Test
    void aQuotingEnclaveBelowEveryLevelIsRevoked() {
        VerifiedQuote quote = phalaQuote();
        ReportBody qe = quote.qeReport();

        refused(Reason.CERTIFICATE_REVOKED, "TCB level is revoked", () -> intel(
                withQe(quote, qeWith(qe, qe.mrSigner(), 1, 0, 0, qe.attributes())), Collateral.fromJson(phalaJson())));
    }

    @Test
    void collateralFromAnotherRootIsRefusedEvenWhenThatRootIsTrusted() {
        Set<String> both = Set.of(TrustedRoots.INTEL_SGX_ROOT_PIN, TrustedRoots.pin(pki.root.getPublicKey()));
        VerifiedQuote quote = phalaQuote();

        refused(Reason.UNTRUSTED_ROOT, "trusted SGX root", () -> intel(quote, pki.collateral()));
        refused(Reason.UNTRUSTED_ROOT, "the quote's root", () -> new CollateralVerifier(new TrustedRoots(both, null),
                Vectors.EVALUATION_TIME).evaluate(quote, pki.collateral()));
    }

    // --- the same checks under a private PKI, where collateral can be re-signed ---

    @Test
    void theTestPkiAppraisesLikeIntelsCollateral() {
        assertEquals(new VerifiedQuote.TcbStatus("SWHardeningNeeded", List.of("INTEL-SA-00615")), underTestRoot());
    }

    @Test
    void tcbLevelsAreMatchedHighestFirstWhateverTheirJsonOrder() {
        String[] levels = TestCollateralPki.standardLevels().split(",(?=\\{\"tcb\")");
        pki.tcbInfo = TestCollateralPki.tcbInfo(TestCollateralPki.FMSPC, "0000", TestCollateralPki.WINDOW_START,
                TestCollateralPki.WINDOW_END, String.join(",", levels[2], levels[1], levels[0]));

        assertEquals("SWHardeningNeeded", underTestRoot().status());
    }

    @Test
    void aPckCertificateOnThePckCrlIsRevoked() {
        pki.revokedByCa.add(pki.leaf.getSerialNumber());

        refused(Reason.CERTIFICATE_REVOKED, "the PCK certificate is revoked", this::underTestRoot);
    }

    @Test
    void aPckCaOnTheRootCrlIsRevoked() {
        pki.revokedByRoot.add(pki.pckCa.getSerialNumber());

        refused(Reason.CERTIFICATE_REVOKED, "issued by the root is revoked", this::underTestRoot);
    }

    @Test
    void aStaleCrlIsRefused() {
        pki.crlNextUpdate = Instant.parse("2025-06-30T00:00:00Z");

        refused(Reason.COLLATERAL_INVALID, "CRL is not current", this::underTestRoot);
    }

    @Test
    void tcbInfoForAnotherFmspcIsRefused() {
        pki.tcbInfo = TestCollateralPki.tcbInfo("00906ED50000", "0000", TestCollateralPki.WINDOW_START,
                TestCollateralPki.WINDOW_END, TestCollateralPki.standardLevels());

        refused(Reason.COLLATERAL_INVALID, "another FMSPC", this::underTestRoot);
    }

    @Test
    void tcbInfoForAnotherPceIdIsRefused() {
        pki.tcbInfo = TestCollateralPki.tcbInfo(TestCollateralPki.FMSPC, "0001", TestCollateralPki.WINDOW_START,
                TestCollateralPki.WINDOW_END, TestCollateralPki.standardLevels());

        refused(Reason.COLLATERAL_INVALID, "another PCE-ID", this::underTestRoot);
    }

    @Test
    void tcbInfoPastItsNextUpdateIsRefusedWhileTheCrlsAreCurrent() {
        pki.tcbInfo = TestCollateralPki.tcbInfo(TestCollateralPki.FMSPC, "0000", TestCollateralPki.WINDOW_START,
                "2025-06-30T00:00:00Z", TestCollateralPki.standardLevels());

        refused(Reason.COLLATERAL_INVALID, "the TCB info is not current", this::underTestRoot);
    }

    @Test
    void qeIdentityPastItsNextUpdateIsRefused() {
        pki.qeIdentity = TestCollateralPki.qeIdentity("2025-06-30T00:00:00Z");

        refused(Reason.COLLATERAL_INVALID, "the QE identity is not current", this::underTestRoot);
    }

    @Test
    void aPlatformBelowEveryTcbLevelIsRefused() {
        pki.tcbInfo = TestCollateralPki.tcbInfo(TestCollateralPki.FMSPC, "0000", TestCollateralPki.WINDOW_START,
                TestCollateralPki.WINDOW_END, TestCollateralPki.level(TestCollateralPki.PLATFORM_SVNS, 14, "UpToDate"));

        refused(Reason.COLLATERAL_INVALID, "below every", this::underTestRoot);
    }

    @Test
    void aRevokedPlatformTcbLevelIsRefused() {
        pki.tcbInfo = TestCollateralPki.tcbInfo(TestCollateralPki.FMSPC, "0000", TestCollateralPki.WINDOW_START,
                TestCollateralPki.WINDOW_END, TestCollateralPki.level(TestCollateralPki.PLATFORM_SVNS, 13, "Revoked"));

        refused(Reason.CERTIFICATE_REVOKED, "TCB level is revoked", this::underTestRoot);
    }

    @Test
    void aTcbStatusIntelDoesNotDefineIsRefused() {
        pki.tcbInfo = TestCollateralPki.tcbInfo(TestCollateralPki.FMSPC, "0000", TestCollateralPki.WINDOW_START,
                TestCollateralPki.WINDOW_END, TestCollateralPki.level(TestCollateralPki.PLATFORM_SVNS, 13, "Fine"));

        refused(Reason.COLLATERAL_INVALID, "malformed", this::underTestRoot);
    }

    @Test
    void aCaCertificateMayNotSignCollateral() {
        pki.collateralSigner = pki.pckCa;
        pki.collateralSignerKey = pki.caKeys.getPrivate();

        refused(Reason.CERTIFICATE_CHAIN_INVALID, "not a signing certificate", this::underTestRoot);
    }

    @Test
    void aPckCertificateWithoutTheSgxExtensionIsMalformed() {
        var plainLeaf = TestCollateralPki.certificate("Test SGX PCK Certificate", TestCollateralPki.keys(),
                "Test SGX PCK Processor CA", pki.caKeys, false, null);
        VerifiedQuote quote = new VerifiedQuote(pki.quote().enclave(), pki.quote().qeReport(),
                List.of(plainLeaf, pki.pckCa, pki.root), false, null);

        refused(Reason.MALFORMED_EVIDENCE, "SGX extension",
                () -> new CollateralVerifier(pki.roots(), Vectors.EVALUATION_TIME).evaluate(quote, pki.collateral()));
    }

    @Test
    void messagesNeverQuoteTheCollateral() {
        pki.revokedByCa.add(pki.leaf.getSerialNumber());

        AttestationFailure failure = assertThrows(AttestationFailure.class, this::underTestRoot);
        assertFalse(failure.getMessage().matches(".*[0-9a-fA-F]{8}.*"), failure.getMessage());
    }
}
