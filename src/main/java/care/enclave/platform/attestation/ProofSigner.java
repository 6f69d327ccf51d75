package care.enclave.platform.attestation;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.time.Instant;

/**
 * Signs RFC 9449 DPoP proofs: header {@code typ: dpop+jwt}, {@code alg: ES256}, the public {@code jwk};
 * claims {@code htm}, {@code htu}, {@code iat}, a random {@code jti} and {@code ath}, the hash of the token
 * the proof accompanies. Runs where the key was generated, so the private key never leaves that process.
 */
public final class ProofSigner {

    public static final String TYPE = "dpop+jwt";

    private ProofSigner() {
    }

    public static String sign(EllipticCurveJsonWebKey key, String method, URI uri, String token, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setStringClaim("htm", method);
        claims.setStringClaim("htu", ProofTargets.withoutQuery(uri).toString());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setStringClaim("ath", ProofTargets.tokenHash(token));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", TYPE);
        jws.setKey(key.getPrivateKey());
        try {
            jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(key.getPublicKey()));
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("ProofSigner: signing failed");
        }
    }
}
