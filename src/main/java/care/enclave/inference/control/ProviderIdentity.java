package care.enclave.inference.control;

import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.platform.enclave.EvidenceProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The provider enclave's request-decryption key and its evidence, whose runtime data binds that key and the
 * served models' hashes, so a caller that verifies the evidence knows both whom it encrypts to and which model
 * will see its data. The key is generated at start ({@code inference.request-key.source=generated}, one
 * replica) or released by the key vault after attestation ({@code key-release}: every replica behind a load
 * balancer then holds the same key). Either way its private part never leaves an enclave.
 */
@ApplicationScoped
public class ProviderIdentity {

    private static final Logger LOG = Logger.getLogger(ProviderIdentity.class.getName());
    private static final long RETRY_AFTER_FAILURE_MILLIS = 2_000;

    @Inject
    EvidenceProvider evidence;

    @Inject
    InferenceService models;

    @Inject
    @ConfigProperty(name = "inference.request-key.source", defaultValue = "generated")
    String source;

    @Inject
    @ConfigProperty(name = "inference.request-key.vault-url")
    Optional<URI> vaultUrl;

    @Inject
    @ConfigProperty(name = "inference.request-key.name", defaultValue = "inference-request-key")
    String keyName;

    @Inject
    @ConfigProperty(name = "inference.request-key.vault-audience", defaultValue = "enclave-care-key-vault")
    String vaultAudience;

    @Inject
    @ConfigProperty(name = "inference.request-key.timeout-millis", defaultValue = "10000")
    long timeoutMillis;

    private volatile EllipticCurveJsonWebKey requestKey;
    private long lastFailure;

    /** The evidence and the runtime data it binds. */
    public record ProviderEvidence(byte[] quote, byte[] runtimeData) {
    }

    @PostConstruct
    void start() {
        switch (source) {
            case "generated" -> requestKey = jwk(generated());
            case "key-release" -> vaultUrl.orElseThrow(() -> new IllegalStateException(
                    "inference.request-key.source=key-release needs inference.request-key.vault-url"));
            default -> throw new IllegalStateException("inference.request-key.source must be generated or key-release");
        }
    }

    KeyPair requestKeyPair() {
        EllipticCurveJsonWebKey key = requestKey();
        return new KeyPair(key.getPublicKey(), key.getPrivateKey());
    }

    public ProviderEvidence evidence(String nonce) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("keys", List.of(requestKey().toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        runtime.put("models", models.models().stream().map(ProviderIdentity::model).toList());
        if (nonce != null) {
            runtime.put("nonce", nonce);
        }
        byte[] runtimeData = JsonUtil.toJson(runtime).getBytes(StandardCharsets.UTF_8);
        return new ProviderEvidence(evidence.quote(EvidenceProvider.reportDataFor(runtimeData)), runtimeData);
    }

    /** Whether the request key is in hand (a replica waiting for key release is not ready). */
    public boolean hasRequestKey() {
        return requestKey != null;
    }

    private EllipticCurveJsonWebKey requestKey() {
        EllipticCurveJsonWebKey key = requestKey;
        return key != null ? key : release();
    }

    /** Released on first use, not at start: the vault may start after this replica. Failures are retried, bounded. */
    private synchronized EllipticCurveJsonWebKey release() {
        if (requestKey != null) {
            return requestKey;
        }
        if (System.currentTimeMillis() - lastFailure < RETRY_AFTER_FAILURE_MILLIS) {
            throw new InferenceException(Kind.BUSY, "the request key has not been released to this replica yet");
        }
        try {
            requestKey = jwk(ReleasedRequestKey.obtain(vaultUrl.orElseThrow(), keyName, vaultAudience, evidence, timeoutMillis));
            LOG.info("The shared request key was released to this replica after attestation");
            return requestKey;
        } catch (RuntimeException e) {
            lastFailure = System.currentTimeMillis();
            LOG.warning("Key release for the request key failed (" + e.getClass().getSimpleName() + "); will retry");
            throw new InferenceException(Kind.BUSY, "the request key has not been released to this replica yet");
        }
    }

    private static KeyPair generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException | java.security.InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("ProviderIdentity: P-256 is unavailable");
        }
    }

    /** The key as a JWK whose id is its RFC 7638 thumbprint, so replicas holding one key name it alike. */
    private static EllipticCurveJsonWebKey jwk(KeyPair pair) {
        EllipticCurveJsonWebKey key = new EllipticCurveJsonWebKey((ECPublicKey) pair.getPublic());
        key.setPrivateKey(pair.getPrivate());
        key.setUse("enc");
        key.setKeyId(key.calculateBase64urlEncodedThumbprint("SHA-256"));
        return key;
    }

    private static Map<String, Object> model(ModelInfo info) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", info.name());
        model.put("sha256", info.sha256());
        return model;
    }
}
