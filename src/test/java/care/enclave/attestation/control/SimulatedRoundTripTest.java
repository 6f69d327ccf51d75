package care.enclave.attestation.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.platform.enclave.SimulatedPlatforms;

import care.enclave.platform.enclave.SimulatedEvidenceProvider;

import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.attestation.ProofKeys;
import care.enclave.platform.attestation.ProofOfPossession;
import care.enclave.platform.attestation.ProofRequest;
import care.enclave.platform.attestation.ProofSigner;
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

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    static final URI RELEASE_URI = URI.create("https://localhost:9443/keys/k1/release");
    static final String AUDIENCE = "enclave-care-key-vault";

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
        release.proofs = ProofOfPossession.of(now, Duration.ofSeconds(60), 1000);
        release.audience = "enclave-care-key-vault";
        release.requireAudience = true;
    }

    /** A release request as a remote enclave would send it: a DPoP proof by {@code proofKey} of {@code token}. */
    private String release(String name, String token, EllipticCurveJsonWebKey proofKey) {
        return release.release(name, token, new ProofRequest("POST", RELEASE_URI,
                ProofSigner.sign(proofKey, "POST", RELEASE_URI, token, Instant.now())));
    }

    private String unproved(String name, String token) {
        return release.release(name, token, new ProofRequest("POST", RELEASE_URI, null));
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
        EllipticCurveJsonWebKey proofKey = ProofKeys.generate();
        String token = forVault(runtimeWith(transport, proofKey));

        String jwe = release("k1", token, proofKey);

        assertArrayEquals(material, open(jwe, transport));
        EllipticCurveJsonWebKey someoneElse = EnclaveKeys.newRequestKey();
        assertThrows(JoseException.class, () -> open(jwe, someoneElse));
        String mrEnclave = HexFormat.of().formatHex(MRENCLAVE);
        assertEquals(List.of(
                AuditEvent.success(Action.ATTESTATION).on("mrenclave=" + mrEnclave),
                AuditEvent.success(Action.KEY_RELEASE).on("key=k1 mrenclave=" + mrEnclave)), service.audited);
    }

    @Test
    void aReleaseWithoutProofOrWithAnotherKeysProofGetsNothing() {
        vault.createIfAbsent("k1", () -> new byte[32], new Expectations(List.of(), List.of(), true));
        EllipticCurveJsonWebKey proofKey = ProofKeys.generate();
        String token = forVault(runtimeWith(EnclaveKeys.newRequestKey(), proofKey));

        assertEquals(Reason.PROOF_MISSING, assertThrows(AttestationFailure.class, () -> unproved("k1", token)).failedCheck());
        assertEquals(Reason.PROOF_KEY_MISMATCH, assertThrows(AttestationFailure.class,
                () -> release("k1", token, ProofKeys.generate())).failedCheck());
        assertEquals(AuditEvent.denied(Action.KEY_RELEASE, "PROOF_KEY_MISMATCH").on("key=k1"),
                service.audited.get(service.audited.size() - 1));
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneGetsNothing() {
        vault.createIfAbsent("k1", () -> new byte[32], new Expectations(List.of(), List.of(), true));
        EllipticCurveJsonWebKey proofKey = ProofKeys.generate();
        EvidenceService.Evidence produced = evidence.produce(runtimeWith(EnclaveKeys.newRequestKey(), proofKey));
        String elsewhere = service.service.attestSgx(produced.quote(), produced.runtimeData(), null, "enclave-care-inference", null);
        String nowhere = service.service.attestSgx(produced.quote(), produced.runtimeData(), null, null, null);

        assertEquals(Reason.AUDIENCE_MISMATCH, assertThrows(AttestationFailure.class,
                () -> release("k1", elsewhere, proofKey)).failedCheck());
        assertEquals(Reason.AUDIENCE_MISMATCH, assertThrows(AttestationFailure.class,
                () -> release("k1", nowhere, proofKey)).failedCheck());
    }

    @Test
    void theTokenCarriesOnlyTheNonceTheEvidenceBinds() {
        EvidenceService.Evidence produced = evidence.produce("bound");

        assertEquals(Reason.NONCE_MISMATCH, assertThrows(AttestationFailure.class,
                () -> attest(produced, "another")).failedCheck());
        VerifiedAttestation unasked = service.verifier.verify(attest(produced, null), Expectations.mrEnclave(List.of(), true));
        assertEquals("bound", claim(unasked.token(), "nonce"));
        assertEquals(Reason.NONCE_MISMATCH, assertThrows(AttestationFailure.class,
                () -> attest(evidence.produce((String) null), "unbound")).failedCheck());
    }

    @Test
    void aKeyWhosePolicyRefusesDebugEnclavesIsNotReleasedToASimulatedOne() {
        vault.createIfAbsent("prod", () -> new byte[32], new Expectations(List.of(), List.of(), false));
        String token = attest(evidence.produce("n"), "n");

        AttestationFailure failure = assertThrows(AttestationFailure.class, () -> unproved("prod", token));
        assertEquals(Reason.RELEASE_POLICY_VIOLATION, failure.failedCheck());
        assertEquals(AuditEvent.denied(Action.KEY_RELEASE, "RELEASE_POLICY_VIOLATION").on("key=prod"),
                service.audited.get(service.audited.size() - 1));
    }

    @Test
    void aKeyPinnedToAnotherSignerIsNotReleased() {
        vault.createIfAbsent("other", () -> new byte[32], new Expectations(List.of(), List.of("cd".repeat(32)), true));
        String token = attest(evidence.produce("n"), "n");

        assertEquals(Reason.RELEASE_POLICY_VIOLATION,
                assertThrows(AttestationFailure.class, () -> unproved("other", token)).failedCheck());
    }

    @Test
    void aTokenWithoutARuntimeKeyGetsNothing() {
        vault.createIfAbsent("k2", () -> new byte[32], new Expectations(List.of(), List.of(), true));
        EllipticCurveJsonWebKey proofKey = ProofKeys.generate();
        String token = forVault(org.jose4j.json.JsonUtil.toJson(java.util.Map.of("keys",
                List.of(proofKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))).getBytes());

        assertEquals(Reason.RUNTIME_KEY_MISSING,
                assertThrows(AttestationFailure.class, () -> release("k2", token, proofKey)).failedCheck());
    }

    @Test
    void unknownKeysAreNotFound() {
        String token = attest(evidence.produce("n"), "n");

        assertEquals(Reason.KEY_NOT_FOUND,
                assertThrows(AttestationFailure.class, () -> unproved("nope", token)).failedCheck());
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
        source.issuer = "https://localhost:9443";
        source.vaultAudience = AUDIENCE;
        source.clock = Clock.systemUTC();

        KeyRing first = source.load();
        KeyRing again = source.load();

        assertArrayEquals(first.indexKey().getEncoded(), again.indexKey().getEncoded());
        assertArrayEquals(first.current().key().getEncoded(), again.current().key().getEncoded());
    }

    private String forVault(byte[] runtime) {
        EvidenceService.Evidence produced = evidence.produce(runtime);
        return service.service.attestSgx(produced.quote(), produced.runtimeData(), null, AUDIENCE, null);
    }

    private static byte[] runtimeWith(EllipticCurveJsonWebKey transport, EllipticCurveJsonWebKey proofKey) {
        return org.jose4j.json.JsonUtil.toJson(java.util.Map.of("keys", List.of(
                transport.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                proofKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)))).getBytes();
    }

    private static Object claim(String token, String name) {
        return care.enclave.platform.security.UnverifiedClaims.of(token).orElseThrow().getClaimValue(name);
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
