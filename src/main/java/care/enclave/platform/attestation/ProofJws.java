package care.enclave.platform.attestation;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * The DPoP proof as a JWS, read fail-closed: ES256 only (checked on the header before anything is verified,
 * and again as jose4j's constraint), {@code typ} {@code dpop+jwt}, a public P-256 {@code jwk} header, and
 * the claims only once the signature verifies with that key.
 */
final class ProofJws {

    private ProofJws() {
    }

    static JsonWebSignature parse(String proof) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(proof);
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            if (!AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(jws.getAlgorithmHeaderValue())) {
                throw ProofOfPossession.refused("PROOF_ALGORITHM_REFUSED", "only ES256 proofs are accepted");
            }
            if (!ProofSigner.TYPE.equals(jws.getHeader("typ"))) {
                throw ProofOfPossession.refused("PROOF_INVALID", "the proof's typ is not dpop+jwt");
            }
            return jws;
        } catch (JoseException | RuntimeException e) {
            if (e instanceof AttestationTokenException refused) {
                throw refused;
            }
            throw ProofOfPossession.refused("PROOF_INVALID", "the proof is not a compact JWS");
        }
    }

    static PublicJsonWebKey presentedKey(JsonWebSignature jws) {
        try {
            PublicJsonWebKey key = jws.getJwkHeader();
            if (key instanceof EllipticCurveJsonWebKey ec && ec.getPrivateKey() == null
                    && "P-256".equals(ec.getCurveName())) {
                return key;
            }
        } catch (JoseException | RuntimeException e) {
            // refused below
        }
        throw ProofOfPossession.refused("PROOF_INVALID", "the proof's jwk header is not a public P-256 key");
    }

    static JwtClaims signedClaims(JsonWebSignature jws, PublicJsonWebKey key) {
        try {
            jws.setKey(key.getPublicKey());
            if (!jws.verifySignature()) {
                throw ProofOfPossession.refused("PROOF_INVALID", "the proof's signature does not verify");
            }
            return JwtClaims.parse(jws.getPayload());
        } catch (JoseException | InvalidJwtException e) {
            throw ProofOfPossession.refused("PROOF_INVALID", "the proof's signature or claims are unreadable");
        }
    }
}
