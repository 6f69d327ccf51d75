package care.enclave.platform.attestation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The claims of a verified attestation token that other modules act on; {@code audiences} empty when it names none. */
public record VerifiedAttestation(String issuer, String mrEnclave, String mrSigner, int productId, int svn,
                                  boolean debuggable, boolean simulated, Map<String, Object> runtime,
                                  String token, List<String> audiences) {

    public VerifiedAttestation {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    /** A public JWK from {@code x-ms-runtime.keys} with the given {@code use} ("enc" or "sig"), as JSON. */
    public Optional<Map<String, Object>> runtimeKey(String use) {
        return runtimeKeys().stream().filter(k -> use.equals(k.get("use"))).findFirst();
    }

    /** The key that signs this token's DPoP proofs: the runtime key with {@code kid} {@value ProofKeys#KEY_ID}. */
    public Optional<Map<String, Object>> proofKey() {
        return runtimeKeys().stream()
                .filter(k -> ProofKeys.KEY_ID.equals(k.get("kid")) && "sig".equals(k.get("use"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> runtimeKeys() {
        Object keys = runtime == null ? null : runtime.get("keys");
        if (!(keys instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(k -> (Map<String, Object>) k).toList();
    }
}
