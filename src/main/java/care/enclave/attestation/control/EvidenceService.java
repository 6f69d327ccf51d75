package care.enclave.attestation.control;

import care.enclave.platform.enclave.EvidenceProvider;
import care.enclave.attestation.entity.RuntimeData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.json.JsonUtil;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This enclave's evidence for a caller's nonce: runtime data (JSON with the enclave's public keys and the
 * nonce) and a quote whose report data is SHA-256 of that runtime data.
 */
@ApplicationScoped
public class EvidenceService {

    @Inject
    EvidenceProvider provider;

    @Inject
    EnclaveKeys keys;

    /** Evidence and the runtime data it binds. */
    public record Evidence(byte[] quote, RuntimeData runtimeData, String kind) {
    }

    public Evidence produce(String nonce) {
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("keys", keys.publicJwks());
        if (nonce != null) {
            runtime.put("nonce", nonce);
        }
        return produce(JsonUtil.toJson(runtime).getBytes(StandardCharsets.UTF_8));
    }

    public Evidence produce(byte[] runtimeJson) {
        byte[] quote = provider.quote(EvidenceProvider.reportDataFor(runtimeJson));
        return new Evidence(quote, new RuntimeData(runtimeJson, true), provider.kind());
    }
}
