package care.enclave.platform.attestation;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 9449 proofs of possession of an attestation token's bound key: one test per way of failing. */
class ProofOfPossessionTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final URI INFER = URI.create("https://provider.test:9444/inference/v2/models/unet/infer");
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ0ZXN0In0.c2ln";

    final EllipticCurveJsonWebKey bound = ProofKeys.generate();
    final ProofOfPossession cut = ProofOfPossession.of(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), 100);

    private VerifiedAttestation tokenBinding(EllipticCurveJsonWebKey key) {
        Map<String, Object> runtime = Map.of("keys", List.of(key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        return new VerifiedAttestation("https://as.test", "ab".repeat(32), "cd".repeat(32), 1, 1, false, false,
                runtime, TOKEN, List.of());
    }

    private String reason(String proof) {
        return reason(new ProofRequest("POST", INFER, proof));
    }

    private String reason(ProofRequest request) {
        return assertThrows(AttestationTokenException.class, () -> cut.verify(request, tokenBinding(bound))).reason();
    }

    private String proof(EllipticCurveJsonWebKey key, String method, URI uri, String token, Instant at) {
        return ProofSigner.sign(key, method, uri, token, at);
    }

    private String valid() {
        return proof(bound, "POST", INFER, TOKEN, NOW);
    }

    @Test
    void aProofByTheBoundKeyForThisRequestIsAccepted() {
        assertDoesNotThrow(() -> cut.verify(new ProofRequest("POST", INFER, valid()), tokenBinding(bound)));
    }

    @Test
    void theQueryAndDefaultPortsAndCaseOfTheHostDoNotMatter() {
        URI asSeen = URI.create("https://PROVIDER.test:9444/inference/v2/models/unet/infer?x=1");
        assertDoesNotThrow(() -> cut.verify(new ProofRequest("POST", asSeen, valid()), tokenBinding(bound)));
    }

    @Test
    void noProofIsRefused() {
        assertEquals("PROOF_MISSING", reason((String) null));
    }

    @Test
    void severalProofsAreRefused() {
        assertEquals("PROOF_INVALID", reason(ProofRequest.SEVERAL));
    }

    @Test
    void aTokenBindingNoProofKeyIsRefused() {
        VerifiedAttestation unbound = new VerifiedAttestation("https://as.test", "ab".repeat(32), "cd".repeat(32), 1, 1,
                false, false, Map.of(), TOKEN, List.of());
        assertEquals("PROOF_KEY_UNBOUND", assertThrows(AttestationTokenException.class,
                () -> cut.verify(new ProofRequest("POST", INFER, valid()), unbound)).reason());
    }

    @Test
    void aProofByAnotherKeyIsRefused() {
        assertEquals("PROOF_KEY_MISMATCH", reason(proof(ProofKeys.generate(), "POST", INFER, TOKEN, NOW)));
    }

    @Test
    void aProofNamingTheBoundKeyButSignedByAnotherIsRefused() throws Exception {
        JsonWebSignature jws = proofJws(claims("POST", INFER, NOW), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(bound.getPublicKey()));
        jws.setKey(ProofKeys.generate().getPrivateKey());
        assertEquals("PROOF_INVALID", reason(jws.getCompactSerialization()));
    }

    @Test
    void aStaleProofIsRefused() {
        assertEquals("PROOF_STALE", reason(proof(bound, "POST", INFER, TOKEN, NOW.minusSeconds(61))));
    }

    @Test
    void aProofFromTheFutureIsRefused() {
        assertEquals("PROOF_STALE", reason(proof(bound, "POST", INFER, TOKEN, NOW.plusSeconds(61))));
    }

    @Test
    void aReplayedProofIsRefused() {
        String once = valid();
        cut.verify(new ProofRequest("POST", INFER, once), tokenBinding(bound));
        assertEquals("PROOF_REPLAYED", reason(once));
    }

    @Test
    void oneRequestJudgedByTwoServicesIsNoReplay() {
        ProofRequest request = new ProofRequest("POST", INFER, valid());
        cut.verify(request, tokenBinding(bound));
        assertDoesNotThrow(() -> cut.verify(request, tokenBinding(bound)));
    }

    @Test
    void aProofForAnotherMethodIsRefused() {
        assertEquals("PROOF_MISMATCH", reason(proof(bound, "GET", INFER, TOKEN, NOW)));
    }

    @Test
    void aProofForAnotherUriIsRefused() {
        assertEquals("PROOF_MISMATCH", reason(proof(bound, "POST",
                URI.create("https://provider.test:9444/inference/v2/models/other/infer"), TOKEN, NOW)));
    }

    @Test
    void aProofForAnotherTokenIsRefused() {
        assertEquals("PROOF_MISMATCH", reason(proof(bound, "POST", INFER, TOKEN + "x", NOW)));
    }

    @Test
    void anUnsignedProofIsRefused() throws Exception {
        JsonWebSignature jws = proofJws(claims("POST", INFER, NOW), AlgorithmIdentifiers.NONE);
        jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(bound.getPublicKey()));
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertEquals("PROOF_ALGORITHM_REFUSED", reason(jws.getCompactSerialization()));
    }

    @Test
    void anHmacProofIsRefused() throws Exception {
        JsonWebSignature jws = proofJws(claims("POST", INFER, NOW), AlgorithmIdentifiers.HMAC_SHA256);
        jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(bound.getPublicKey()));
        jws.setKey(new HmacKey(new byte[32]));
        assertEquals("PROOF_ALGORITHM_REFUSED", reason(jws.getCompactSerialization()));
    }

    @Test
    void aProofOfAnotherTypeIsRefused() throws Exception {
        JsonWebSignature jws = proofJws(claims("POST", INFER, NOW), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(bound.getPublicKey()));
        jws.setKey(bound.getPrivateKey());
        assertEquals("PROOF_INVALID", reason(jws.getCompactSerialization()));
    }

    @Test
    void aProofCarryingAPrivateKeyIsRefused() throws Exception {
        JsonWebSignature jws = proofJws(claims("POST", INFER, NOW), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.getHeaders().setObjectHeaderValue("jwk", bound.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        jws.setKey(bound.getPrivateKey());
        assertEquals("PROOF_INVALID", reason(jws.getCompactSerialization()));
    }

    @Test
    void aFullReplayMemoryRefusesRatherThanForgets() {
        ProofOfPossession small = ProofOfPossession.of(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60), 1);
        small.verify(new ProofRequest("POST", INFER, valid()), tokenBinding(bound));
        assertEquals("PROOF_REPLAYED", assertThrows(AttestationTokenException.class,
                () -> small.verify(new ProofRequest("POST", INFER, valid()), tokenBinding(bound))).reason());
    }

    private static JwtClaims claims(String method, URI uri, Instant at) {
        JwtClaims claims = new JwtClaims();
        claims.setStringClaim("htm", method);
        claims.setStringClaim("htu", uri.toString());
        claims.setIssuedAt(NumericDate.fromSeconds(at.getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setStringClaim("ath", ProofTargets.tokenHash(TOKEN));
        return claims;
    }

    private static JsonWebSignature proofJws(JwtClaims claims, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", ProofSigner.TYPE);
        return jws;
    }
}
