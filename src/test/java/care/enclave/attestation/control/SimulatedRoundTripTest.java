package care.enclave.attestation.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.platform.enclave.SimulatedPlatforms;

import care.enclave.platform.enclave.SimulatedEvidenceProvider;

import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.attestation.VerifiedAttestation;
import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.platform.keys.KeyRing;
import care.enclave.platform.keys.SealedFileKeyRingSource;
import care.enclave.platform.keys.SealingKeys;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole development path: simulated evidence → attest → token → verify → key release → unwrap. */
class SimulatedRoundTripTest {

    static final byte[] MRENCLAVE = HexFormat.of().parseHex("ab".repeat(32));

    @TempDir
    Path dir;
    TokenFixture service;
    EvidenceService evidence;
    KeyVault vault;
    KeyRelease release;

    @BeforeEach
    void wire() {
        Clock now = Clock.systemUTC();
        service = new TokenFixture(dir, "https://localhost:9443", now, true);
        SimulatedPlatforms platforms = SimulatedPlatforms.in(dir.resolve("simulated-sgx"));
        TrustAnchors anchors = new TrustAnchors();
        anchors.simulated = platforms;
        anchors.trustSimulated = true;
        service.service.anchors = anchors;
        EnclaveKeys keys = new EnclaveKeys();
        keys.tlsKeystore = Optional.empty();
        keys.tlsKeystorePassword = Optional.empty();
        keys.generate();
        evidence = new EvidenceService();
        evidence.provider = new SimulatedEvidenceProvider(platforms.platform(), MRENCLAVE, 1, 1);
        evidence.keys = keys;
        vault = new KeyVault();
        vault.sealing = SealingKeys.openDevelopment(dir);
        vault.dataDir = dir.toString();
        vault.open();
        release = new KeyRelease();
        release.vault = vault;
        release.tokens = service.verifier;
        release.audit = service.audited::add;
    }

    private String attest(EvidenceService.Evidence produced, String nonce) {
        return service.service.attestSgx(produced.quote(), produced.runtimeData(), nonce);
    }

    @Test
    void evidenceIsAttestedAndTheTokenVerifiesAsSimulatedAndDebuggable() {
        String token = attest(evidence.produce("nonce-1"), "nonce-1");

        VerifiedAttestation verified = service.verifier.verify(token, new Expectations(
                List.of(HexFormat.of().formatHex(MRENCLAVE)), List.of(), true));
        assertTrue(verified.simulated());
        assertTrue(verified.debuggable());
        assertEquals("nonce-1", verified.runtime().get("nonce"));
        assertTrue(verified.runtimeKey("enc").isPresent());
    }

    @Test
    void refusedEvidenceIsAuditedWithTheFailedCheck() {
        EvidenceService.Evidence produced = evidence.produce("nonce-1");
        care.enclave.attestation.entity.RuntimeData other =
                new care.enclave.attestation.entity.RuntimeData("{\"nonce\":\"other\"}".getBytes(), true);

        assertThrows(AttestationFailure.class, () -> service.service.attestSgx(produced.quote(), other, null));

        assertEquals(List.of(AuditEvent.denied(Action.ATTESTATION, "REPORT_DATA_MISMATCH")), service.audited);
    }

    @Test
    void aReleasedKeyOpensOnlyWithTheEnclavesRuntimeKey() throws JoseException {
        byte[] material = "the patients' key ring".getBytes();
        vault.createIfAbsent("k1", () -> material, new Expectations(List.of(), List.of(), true));
        EllipticCurveJsonWebKey transport = EnclaveKeys.newRequestKey();
        byte[] runtime = org.jose4j.json.JsonUtil.toJson(java.util.Map.of("keys",
                List.of(transport.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))).getBytes();
        String token = attest(evidence.produce(runtime), null);

        String jwe = release.release("k1", token);

        assertArrayEquals(material, open(jwe, transport));
        EllipticCurveJsonWebKey someoneElse = EnclaveKeys.newRequestKey();
        assertThrows(JoseException.class, () -> open(jwe, someoneElse));
        String mrEnclave = HexFormat.of().formatHex(MRENCLAVE);
        assertEquals(List.of(
                AuditEvent.success(Action.ATTESTATION).on("mrenclave=" + mrEnclave),
                AuditEvent.success(Action.KEY_RELEASE).on("key=k1 mrenclave=" + mrEnclave)), service.audited);
    }

    @Test
    void aKeyWhosePolicyRefusesDebugEnclavesIsNotReleasedToASimulatedOne() {
        vault.createIfAbsent("prod", () -> new byte[32], new Expectations(List.of(), List.of(), false));
        String token = attest(evidence.produce("n"), "n");

        AttestationFailure failure = assertThrows(AttestationFailure.class, () -> release.release("prod", token));
        assertEquals(Reason.RELEASE_POLICY_VIOLATION, failure.failedCheck());
        assertEquals(AuditEvent.denied(Action.KEY_RELEASE, "RELEASE_POLICY_VIOLATION").on("key=prod"),
                service.audited.get(service.audited.size() - 1));
    }

    @Test
    void aKeyPinnedToAnotherSignerIsNotReleased() {
        vault.createIfAbsent("other", () -> new byte[32], new Expectations(List.of(), List.of("cd".repeat(32)), true));
        String token = attest(evidence.produce("n"), "n");

        assertEquals(Reason.RELEASE_POLICY_VIOLATION,
                assertThrows(AttestationFailure.class, () -> release.release("other", token)).failedCheck());
    }

    @Test
    void aTokenWithoutARuntimeKeyGetsNothing() {
        vault.createIfAbsent("k2", () -> new byte[32], new Expectations(List.of(), List.of(), true));
        String token = attest(evidence.produce("{\"nonce\":\"x\"}".getBytes()), null);

        assertEquals(Reason.RUNTIME_KEY_MISSING,
                assertThrows(AttestationFailure.class, () -> release.release("k2", token)).failedCheck());
    }

    @Test
    void unknownKeysAreNotFound() {
        String token = attest(evidence.produce("n"), "n");

        assertEquals(Reason.KEY_NOT_FOUND,
                assertThrows(AttestationFailure.class, () -> release.release("nope", token)).failedCheck());
        assertEquals(AuditEvent.denied(Action.KEY_RELEASE, "KEY_NOT_FOUND"), service.audited.get(service.audited.size() - 1),
                "a name that is no key's is not recorded: it came from the caller");
    }

    @Test
    void thePatientsKeyRingComesFromTheVaultAfterSelfAttestation() {
        ReleasedKeyRingSource source = new ReleasedKeyRingSource();
        source.evidence = evidence;
        source.attestation = service.service;
        source.release = release;
        source.vault = vault;
        source.sealedFile = sealedFileSource(dir);
        source.trustSimulated = true;

        KeyRing first = source.load();
        KeyRing again = source.load();

        assertArrayEquals(first.indexKey().getEncoded(), again.indexKey().getEncoded());
        assertArrayEquals(first.current().key().getEncoded(), again.current().key().getEncoded());
    }

    static SealedFileKeyRingSource sealedFileSource(Path dataDir) {
        return care.enclave.platform.keys.TestKeyRingSources.development(dataDir);
    }

    static byte[] open(String compact, EllipticCurveJsonWebKey key) throws JoseException {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setCompactSerialization(compact);
        jwe.setKey(key.getPrivateKey());
        return jwe.getPlaintextBytes();
    }
}
