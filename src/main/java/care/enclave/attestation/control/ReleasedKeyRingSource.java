package care.enclave.attestation.control;

import care.enclave.platform.attestation.Expectations;
import care.enclave.attestation.entity.ReportBody;
import care.enclave.attestation.entity.SgxQuote;
import care.enclave.platform.attestation.ProofKeys;
import care.enclave.platform.attestation.ProofRequest;
import care.enclave.platform.attestation.ProofSigner;
import care.enclave.platform.keys.KeyRing;
import care.enclave.platform.keys.KeyRingSource;
import care.enclave.platform.keys.SealedFileKeyRingSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The patients' key ring, released by the key vault to this enclave only after it attests itself: fresh
 * key pairs → evidence binding their public keys → attestation token for the vault → release with a DPoP proof
 * by the fresh signing key → JWE that only the fresh private transport key opens. The ring exists in plaintext only in this process. The vault's release policy pins
 * this enclave's signer (MRSIGNER), so a new build by the same signer still gets the key.
 */
@ApplicationScoped
public class ReleasedKeyRingSource implements KeyRingSource {

    static final String KEY_NAME = "patients-data";
    private static final Logger LOG = Logger.getLogger(ReleasedKeyRingSource.class.getName());

    @Inject
    EvidenceService evidence;

    @Inject
    AttestationService attestation;

    @Inject
    KeyRelease release;

    @Inject
    KeyVault vault;

    @Inject
    SealedFileKeyRingSource sealedFile;

    @Inject
    @ConfigProperty(name = "attestation.trust-simulated", defaultValue = "false")
    boolean trustSimulated;

    @Inject
    @ConfigProperty(name = "attestation.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "attestation.vault.audience", defaultValue = "enclave-care-key-vault")
    String vaultAudience;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "key-release";
    }

    @Override
    public KeyRing load() {
        vault.createIfAbsent(KEY_NAME, this::initialRing, new Expectations(List.of(), List.of(ownSigner()), trustSimulated));
        EllipticCurveJsonWebKey transport = EnclaveKeys.newRequestKey();
        EllipticCurveJsonWebKey proofKey = ProofKeys.generate();
        byte[] nonceBytes = new byte[16];
        new SecureRandom().nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        byte[] runtime = JsonUtil.toJson(Map.of("keys", List.of(transport.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                proofKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)), "nonce", nonce))
                .getBytes(StandardCharsets.UTF_8);
        EvidenceService.Evidence own = evidence.produce(runtime);
        String token = attestation.attestSgx(own.quote(), own.runtimeData(), nonce, vaultAudience, null);
        // In process, but proved exactly as a remote enclave would prove it to the vault's URL.
        URI releaseUri = URI.create(issuer + "/keys/" + KEY_NAME + "/release");
        ProofRequest request = new ProofRequest("POST", releaseUri,
                ProofSigner.sign(proofKey, "POST", releaseUri, token, clock.instant()));
        KeyRing ring = KeyRing.fromBytes(unwrap(release.release(KEY_NAME, token, request), transport));
        LOG.info("The patients' key ring was released to this enclave after attestation");
        return ring;
    }

    @Override
    public void save(KeyRing ring) {
        vault.update(KEY_NAME, ring.toBytes());
    }

    /** A ring sealed before key release was enabled moves into the vault, so existing records stay readable. */
    private byte[] initialRing() {
        return (sealedFile.exists() ? sealedFile.load() : KeyRing.generate()).toBytes();
    }

    private String ownSigner() {
        byte[] quote = evidence.produce(new byte[0]).quote();
        ReportBody enclave = SgxQuote.parse(quote).enclave();
        return HexFormat.of().formatHex(enclave.mrSigner());
    }

    private static byte[] unwrap(String compactJwe, EllipticCurveJsonWebKey transport) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setCompactSerialization(compactJwe);
            jwe.setKey(transport.getPrivateKey());
            return jwe.getPlaintextBytes();
        } catch (JoseException e) {
            throw new IllegalStateException("ReleasedKeyRingSource: the released key does not open");
        }
    }
}
