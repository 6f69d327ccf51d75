package it.care.enclave;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A partner's token issuer for the integration tests. The build runs {@link #main} before the IT server
 * starts, so the server is configured with this issuer's public JWKS; tests then sign tokens with its key.
 */
public final class PartnerIssuer {

    public static final String ISSUER = "https://partner.it.test";

    private PartnerIssuer() {
    }

    /** Writes {@code jwks.json} (public, for the server) and {@code private-jwk.json} (for the tests). */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("it-partner-1");
        Files.writeString(dir.resolve("jwks.json"), new JsonWebKeySet(key).toJson());
        Files.writeString(dir.resolve("private-jwk.json"), key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
    }

    public static String token(String subject, String... groups) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", groups);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setGeneratedJwtId();
        RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(
                Files.readString(Path.of(System.getProperty("it.partner.dir"), "private-jwk.json")));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
