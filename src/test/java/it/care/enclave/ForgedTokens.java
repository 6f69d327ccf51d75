package it.care.enclave;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Bearer tokens that must all be refused: truncated, bit-flipped, unsigned ({@code alg: none}), HMAC-signed
 * with the partner's public key (algorithm confusion), signed by a stranger, expired, from another issuer,
 * without an expiry, oversized, or not a JWT at all; partner tokens and attestation tokens alike.
 */
final class ForgedTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    static List<String> make(Random random, String attestationToken) throws Exception {
        RsaJsonWebKey partner = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(
                Files.readString(Path.of(System.getProperty("it.partner.dir"), "private-jwk.json")));
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(partner.getKeyId());
        String valid = PartnerIssuer.token("lab-fuzz", "partner");
        long now = NumericDate.now().getValue();
        List<String> tokens = new ArrayList<>();
        for (String real : List.of(valid, attestationToken)) {
            tokens.add(real.substring(0, 1 + random.nextInt(real.length() - 1)));
            tokens.add(real.substring(0, real.lastIndexOf('.')));
            tokens.add(flip(real, random));
            tokens.add(unsigned(real));
        }
        tokens.add(sign(claims(now, PartnerIssuer.ISSUER, true), stranger, AlgorithmIdentifiers.RSA_USING_SHA256, stranger));
        tokens.add(sign(claims(now - 7200, PartnerIssuer.ISSUER, true), partner, AlgorithmIdentifiers.RSA_USING_SHA256, partner));
        tokens.add(sign(claims(now, "https://evil.example", true), partner, AlgorithmIdentifiers.RSA_USING_SHA256, partner));
        tokens.add(sign(claims(now, PartnerIssuer.ISSUER, false), partner, AlgorithmIdentifiers.RSA_USING_SHA256, partner));
        tokens.add(hmacWithPublicKey(claims(now, PartnerIssuer.ISSUER, true), partner));
        tokens.add("a.b.c");
        tokens.add("..");
        tokens.add("");
        tokens.add("x".repeat(12_000));
        tokens.add(B64.encodeToString("{\"alg\":\"RS256\"}".getBytes()) + "." + "!!!" + "." + "***");
        tokens.add("eyJ" + "A".repeat(200) + "." + "eyJ" + "B".repeat(200) + "." + "C".repeat(342));
        return tokens;
    }

    private static JwtClaims claims(long issuedAt, String issuer, boolean expires) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("lab-fuzz");
        claims.setStringListClaim("groups", "partner");
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        if (expires) {
            claims.setExpirationTime(NumericDate.fromSeconds(issuedAt + 300));
        }
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey header, String alg, RsaJsonWebKey key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(header.getKeyId());
        jws.setAlgorithmHeaderValue(alg);
        return jws.getCompactSerialization();
    }

    /** The classic confusion attack: HS256 keyed with the bytes of the RSA public key the server trusts. */
    private static String hmacWithPublicKey(JwtClaims claims, RsaJsonWebKey partner) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(partner.getPublicKey().getEncoded()));
        jws.setDoKeyValidation(false);
        jws.setKeyIdHeaderValue(partner.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        return jws.getCompactSerialization();
    }

    private static String unsigned(String token) {
        String payload = token.split("\\.")[1];
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
    }

    private static String flip(String token, Random random) {
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
