package care.enclave.platform.attestation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The claims of a verified attestation token that other modules act on. */
public record VerifiedAttestation(String issuer, String mrEnclave, String mrSigner, int productId, int svn,
                                  boolean debuggable, boolean simulated, Map<String, Object> runtime,
                                  String token) {

    /** A public JWK from {@code x-ms-runtime.keys} with the given {@code use} ("enc" or "sig"), as JSON. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> runtimeKey(String use) {
        Object keys = runtime == null ? null : runtime.get("keys");
        if (!(keys instanceof List<?> list)) {
            return Optional.empty();
        }
        return list.stream().filter(Map.class::isInstance).map(k -> (Map<String, Object>) k)
                .filter(k -> use.equals(k.get("use"))).findFirst();
    }
}
