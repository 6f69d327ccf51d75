package care.enclave.inference.control;

import care.enclave.inference.entity.ModelInfo;
import care.enclave.platform.enclave.EvidenceProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider enclave's request-decryption key (generated at start; the private part never leaves this
 * process) and its evidence, whose runtime data binds that key and the served models' hashes, so a caller
 * that verifies the evidence knows both whom it encrypts to and which model will see its data.
 */
@ApplicationScoped
public class ProviderIdentity {

    @Inject
    EvidenceProvider evidence;

    @Inject
    InferenceService models;

    private EllipticCurveJsonWebKey requestKey;

    /** The evidence and the runtime data it binds. */
    public record ProviderEvidence(byte[] quote, byte[] runtimeData) {
    }

    @PostConstruct
    void generate() {
        try {
            requestKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            requestKey.setKeyId("inference-request-" + Long.toHexString(System.nanoTime()));
            requestKey.setUse("enc");
        } catch (JoseException e) {
            throw new IllegalStateException("ProviderIdentity: cannot generate the request key");
        }
    }

    KeyPair requestKeyPair() {
        return new KeyPair(requestKey.getPublicKey(), requestKey.getPrivateKey());
    }

    public ProviderEvidence evidence(String nonce) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("keys", List.of(requestKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        runtime.put("models", models.models().stream().map(ProviderIdentity::model).toList());
        if (nonce != null) {
            runtime.put("nonce", nonce);
        }
        byte[] runtimeData = JsonUtil.toJson(runtime).getBytes(StandardCharsets.UTF_8);
        return new ProviderEvidence(evidence.quote(EvidenceProvider.reportDataFor(runtimeData)), runtimeData);
    }

    private static Map<String, Object> model(ModelInfo info) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", info.name());
        model.put("sha256", info.sha256());
        return model;
    }
}
