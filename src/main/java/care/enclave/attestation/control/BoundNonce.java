package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.RuntimeData;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The nonce a token may carry: only the one the evidence binds (the {@code nonce} member of JSON runtime
 * data, whose SHA-256 the quote's report data holds), never a nonce merely sent beside the evidence, which
 * would let anyone's old evidence pass a verifier's freshness check. A request nonce must equal it.
 */
final class BoundNonce {

    private BoundNonce() {
    }

    /** @return the bound nonce, or null when the evidence binds none (then the request may name none either) */
    static String of(RuntimeData runtime, String requested) {
        String bound = bound(runtime);
        if (requested != null && !requested.equals(bound)) {
            throw new AttestationFailure(Reason.NONCE_MISMATCH, "the nonce is not the one the evidence binds");
        }
        return bound;
    }

    private static String bound(RuntimeData runtime) {
        if (runtime == null || !runtime.json()) {
            return null;
        }
        try {
            Map<String, Object> json = JsonUtil.parseJson(new String(runtime.data(), StandardCharsets.UTF_8));
            return json.get("nonce") instanceof String nonce ? nonce : null;
        } catch (JoseException | RuntimeException e) {
            throw new AttestationFailure(Reason.MALFORMED_EVIDENCE, "runtime data of type JSON is not a JSON object");
        }
    }
}
