package care.enclave.platform.security;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per reason a bearer token is refused, plus the accepted case. */
class BearerTokenVerifierTest {

    static final String ISSUER = "https://partner.example/issuer";
    static RsaJsonWebKey issuerKey;
    static RsaJsonWebKey otherKey;

    @TempDir
    Path dir;
    BearerTokenVerifier cut;

    @BeforeEach
    void configure() throws Exception {
        if (issuerKey == null) {
            issuerKey = RsaJwkGenerator.generateJwk(2048);
            issuerKey.setKeyId("partner-1");
            otherKey = RsaJwkGenerator.generateJwk(2048);
            otherKey.setKeyId("partner-1");
        }
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JsonWebKeySet(issuerKey).toJson());
        cut = verifier(Optional.of(ISSUER), Optional.of(jwks.toUri().toString()));
    }

    static BearerTokenVerifier verifier(Optional<String> issuer, Optional<String> keys) {
        BearerTokenVerifier verifier = new BearerTokenVerifier();
        verifier.issuer = issuer;
        verifier.keysLocation = keys;
        verifier.audiences = Optional.empty();
        verifier.clockSkewSeconds = 60;
        verifier.grantableRoles = List.of("partner");
        verifier.configure();
        return verifier;
    }

    static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("lab-7");
        claims.setClaim("upn", "lab-7@partner.example");
        claims.setStringListClaim("groups", "partner");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setGeneratedJwtId();
        return claims;
    }

    static String sign(JwtClaims claims, RsaJsonWebKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    static String token(Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = claims();
        change.accept(claims);
        return sign(claims, issuerKey);
    }

    private void assertRefused(String token) {
        BearerTokenException failure = assertThrows(BearerTokenException.class, () -> cut.verify(token));
        assertTrue(failure.getMessage().startsWith("Bearer token rejected: "));
    }

    @Test
    void aPartnerTokenFromTheIssuerIsAccepted() throws Exception {
        BearerTokenAuthenticator.VerifiedCaller caller = cut.verify(token(c -> { }));

        assertEquals("lab-7@partner.example", caller.token().getName());
        assertEquals(Set.of("partner"), caller.roles());
        assertEquals(ISSUER, caller.token().getIssuer());
    }

    @Test
    void rolesOutsideTheGrantableOnesAreDropped() throws Exception {
        String token = token(c -> c.setStringListClaim("groups", "clerk", "partner"));

        assertEquals(Set.of("partner"), cut.verify(token).roles());
    }

    @Test
    void aTokenGrantingNoAllowedRoleIsRefused() throws Exception {
        assertRefused(token(c -> c.setStringListClaim("groups", "clerk")));
        assertRefused(token(c -> c.unsetClaim("groups")));
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        assertRefused(token(c -> c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 120))));
    }

    @Test
    void tokensWithoutExpiryOrIssueTimeAreRefused() throws Exception {
        assertRefused(token(c -> c.unsetClaim("exp")));
        assertRefused(token(c -> c.unsetClaim("iat")));
    }

    @Test
    void anotherIssuerIsRefused() throws Exception {
        assertRefused(token(c -> c.setIssuer("https://attacker.example")));
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() throws Exception {
        assertRefused(sign(claims(), otherKey));
    }

    @Test
    void algNoneIsRefused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);

        assertRefused(jws.getCompactSerialization());
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(issuerKey.getKeyId());
        jws.setKey(new HmacKey(issuerKey.getPublicKey().getEncoded()));
        jws.setDoKeyValidation(false);

        assertRefused(jws.getCompactSerialization());
    }

    @Test
    void garbageIsRefused() {
        assertRefused("not.a.token");
        assertRefused("");
    }

    @Test
    void withoutAConfiguredIssuerEveryTokenIsRefused() throws Exception {
        cut = verifier(Optional.empty(), Optional.empty());

        assertRefused(token(c -> { }));
    }
}
