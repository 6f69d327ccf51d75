package care.enclave.attestation.control;

import care.enclave.attestation.control.PolicyRules.PolicyViolation;
import care.enclave.attestation.entity.Policy;
import care.enclave.attestation.entity.VerifiedQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static care.enclave.platform.json.JsonSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each policy rule refuses on its own, naming itself; policies are strict JSON and survive restarts. */
class PolicyTest {

    static final String PHALA_MRENCLAVE = "33d8736db756ed49";

    static VerifiedQuote phala() {
        return Vectors.intelVerifier().verify(Vectors.read("sgx/phala_sgx_quote.bin"), null);
    }

    static VerifiedQuote intelDebug() {
        return Vectors.intelVerifier().verify(Vectors.read("sgx/intel_sdk_debug.quote.bin"), null);
    }

    private static String violatedRule(Policy policy, VerifiedQuote quote) {
        return assertThrows(PolicyViolation.class, () -> PolicyRules.check(policy, quote)).rule();
    }

    @Test
    void aDebugEnclaveFailsAProductionPolicy() {
        assertEquals("allowDebug", violatedRule(new Policy(List.of(), List.of(), null, 0, false, List.of()), intelDebug()));
    }

    @Test
    void anEnclaveOutsideTheAllowListFails() {
        assertEquals("allowedMrEnclaves",
                violatedRule(new Policy(List.of("ab".repeat(32)), List.of(), null, 0, false, List.of()), phala()));
    }

    @Test
    void anotherSignerFails() {
        assertEquals("allowedMrSigners",
                violatedRule(new Policy(List.of(), List.of("ab".repeat(32)), null, 0, false, List.of()), phala()));
    }

    @Test
    void aSecurityVersionBelowTheMinimumFails() {
        assertEquals("minSvn", violatedRule(new Policy(List.of(), List.of(), null, 1, false, List.of()), phala()));
    }

    @Test
    void anotherProductFails() {
        assertEquals("productId", violatedRule(new Policy(List.of(), List.of(), 7, 0, false, List.of()), phala()));
    }

    @Test
    void aRequiredTcbStatusWithoutCollateralFails() {
        assertEquals("allowedTcbStatuses",
                violatedRule(new Policy(List.of(), List.of(), null, 0, false, List.of("UpToDate")), phala()));
    }

    @Test
    void aMatchingPolicyPasses() {
        String mrEnclave = java.util.HexFormat.of().formatHex(phala().enclave().mrEnclave());
        assertEquals(true, mrEnclave.startsWith(PHALA_MRENCLAVE));

        assertDoesNotThrow(() -> PolicyRules.check(new Policy(List.of(mrEnclave.toUpperCase()), List.of(), 0, 0, false,
                List.of()), phala()));
    }

    @Test
    void policyDocumentsAreStrict() {
        assertThrows(PolicyStore.InvalidPolicy.class, () -> PolicyStore.fromJson(JSON.createObjectBuilder()
                .add("allowDebugg", true).build()));
        assertThrows(PolicyStore.InvalidPolicy.class, () -> PolicyStore.fromJson(JSON.createObjectBuilder()
                .add("allowedMrEnclaves", JSON.createArrayBuilder().add("xyz")).build()));
        assertThrows(PolicyStore.InvalidPolicy.class, () -> PolicyStore.fromJson(JSON.createObjectBuilder()
                .add("minSvn", "high").build()));
        assertThrows(PolicyStore.InvalidPolicy.class, () -> PolicyStore.fromJson(JSON.createObjectBuilder()
                .add("minSvn", -1).build()));
    }

    @Test
    void anUnknownTcbStatusIsRefusedNamingTheField() {
        PolicyStore.InvalidPolicy refused = assertThrows(PolicyStore.InvalidPolicy.class, () -> PolicyStore.fromJson(
                JSON.createObjectBuilder().add("allowedTcbStatuses", JSON.createArrayBuilder().add("UpToDate")
                        .add("uptodate")).build()));
        assertEquals("allowedTcbStatuses", refused.field().orElseThrow());
        assertThrows(PolicyStore.InvalidPolicy.class, () -> PolicyStore.fromJson(JSON.createObjectBuilder()
                .add("allowedTcbStatuses", JSON.createArrayBuilder().add("Anything")).build()));
    }

    @Test
    void everyStatusIntelPublishesIsAccepted() {
        List<String> intel = List.of("UpToDate", "SWHardeningNeeded", "ConfigurationNeeded",
                "ConfigurationAndSWHardeningNeeded", "OutOfDate", "OutOfDateConfigurationNeeded", "Revoked");
        Policy policy = PolicyStore.fromJson(JSON.createObjectBuilder()
                .add("allowedTcbStatuses", JSON.createArrayBuilder(intel)).build());
        assertEquals(intel, policy.allowedTcbStatuses());
    }

    @Test
    void aReplacedPolicyIsSealedAndSurvivesARestart(@TempDir Path dir) {
        TokenFixture fixture = new TokenFixture(dir, "https://attest.test", Vectors.EVALUATION_TIME, true);
        Policy strict = new Policy(List.of(), List.of(), null, 3, false, List.of());
        String defaultHash = fixture.policies.hash();
        fixture.policies.replace(strict);

        TokenFixture restarted = new TokenFixture(dir, "https://attest.test", Vectors.EVALUATION_TIME, true);
        assertEquals(strict, restarted.policies.current());
        assertEquals(false, defaultHash.equals(restarted.policies.hash()));
        assertEquals(List.of(care.enclave.audit.api.AuditEvent.success(care.enclave.audit.api.Action.POLICY_CHANGE)
                .on("policy=SgxEnclave sha256=" + restarted.policies.hash())), fixture.audited);
    }
}
