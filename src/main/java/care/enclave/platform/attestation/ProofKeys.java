package care.enclave.platform.attestation;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The EC P-256 key an enclave binds into its runtime data to sign DPoP proofs with. It is named by its
 * {@code kid} (and {@code use: sig}) so a verifier never mistakes another signing key in the runtime data
 * (the TLS key, whose private part lives outside the enclave's memory) for it.
 */
public final class ProofKeys {

    public static final String KEY_ID = "dpop";

    private ProofKeys() {
    }

    /** A fresh key pair; its private part must stay in the process that generated it. */
    public static EllipticCurveJsonWebKey generate() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(KEY_ID);
            key.setUse("sig");
            key.setAlgorithm("ES256");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("ProofKeys: cannot generate a P-256 key");
        }
    }
}
