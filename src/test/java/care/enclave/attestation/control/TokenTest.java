package care.enclave.attestation.control;

import care.enclave.platform.attestation.AttestationTokenException;
import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.attestation.VerifiedAttestation;
import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.RuntimeData;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens issued for real quotes, verified offline, and one test per reason a token is refused. */
class TokenTest {

    static final String ISSUER = "https://attest.test";
    static final Expectations ANY = new Expectations(List.of(), List.of(), true);
    static final Expectations PRODUCTION = new Expectations(List.of(), List.of(), false);

    @TempDir
    Path dir;
    TokenFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new TokenFixture(dir, ISSUER, Vectors.EVALUATION_TIME, false);
    }

    private String attestPhala(String nonce) {
        return fixture.service.attestSgx(Vectors.read("sgx/phala_sgx_quote.bin"), null, nonce);
    }

    private Reason refusal(String token, Expectations expectations) {
        return Reason.valueOf(assertThrows(AttestationTokenException.class,
                () -> fixture.verifier.verify(token, expectations)).reason());
    }

    @Test
    void aRealQuoteYieldsATokenWithAzuresClaims() throws Exception {
        String token = attestPhala(null);

        JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims(token);
        assertEquals(ISSUER, claims.getIssuer());
        assertFalse(claims.hasClaim("nonce"), "a quote without runtime data binds no nonce");
        assertEquals("sgx", claims.getClaimValue("x-ms-attestation-type"));
        assertTrue(((String) claims.getClaimValue("x-ms-sgx-mrenclave")).startsWith("33d8736db756ed49"));
        assertEquals(Boolean.FALSE, claims.getClaimValue("x-ms-sgx-is-debuggable"));
        assertEquals(8 * 3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        JsonWebSignature header = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        assertEquals(ISSUER + "/certs", header.getHeader("jku"));
        assertEquals("JWT", header.getHeader("typ"));
    }

    @Test
    void aNonceTheEvidenceDoesNotBindIsRefused() {
        assertEquals(Reason.NONCE_MISMATCH,
                assertThrows(AttestationFailure.class, () -> attestPhala("n-123")).failedCheck());
    }

    @Test
    void aTokenVerifiesOfflineAgainstThePublishedJwksWithAStandardLibrary() throws Exception {
        String token = attestPhala(null);
        JsonWebKeySet published = new JsonWebKeySet(fixture.keys.jwks().toJson());

        JwtClaims claims = new JwtConsumerBuilder().setExpectedIssuer(ISSUER)
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(Vectors.EVALUATION_TIME.instant().getEpochSecond()))
                .setVerificationKeyResolver(new org.jose4j.keys.resolvers.JwksVerificationKeyResolver(published.getJsonWebKeys()))
                .build().processToClaims(token);

        assertEquals(0L, ((Number) claims.getClaimValue("x-ms-sgx-svn")).longValue());
        assertFalse(published.getJsonWebKeys().get(0).toJson().contains("\"d\""), "no private part published");
        assertTrue(published.getJsonWebKeys().get(0).toJson().contains("x5c"));
    }

    @Test
    void theVerifierLibraryAcceptsItAndExposesTheIdentity() {
        VerifiedAttestation verified = fixture.verifier.verify(attestPhala(null), PRODUCTION);

        assertTrue(verified.mrEnclave().startsWith("33d8736db756ed49"));
        assertFalse(verified.debuggable());
        assertFalse(verified.simulated());
    }

    @Test
    void jsonRuntimeDataIsBoundAndPublishedAsXmsRuntime() {
        byte[] runtime = Vectors.read("sgx/azure_sdk_oe.runtime_data.bin");
        byte[] report = Vectors.read("sgx/azure_sdk_oe_nondebug.oe_report.bin");
        // The Azure SDK's runtime data ends in a NUL byte after the JSON, so it is attested as Binary.
        String token = fixture.service.attestOpenEnclave(report, new RuntimeData(runtime, false), null, null, null);

        assertTrue(fixture.verifier.verify(token, PRODUCTION).mrEnclave().startsWith("b779202618becb63"));
    }

    @Test
    void collateralAddsTheTcbStatusToTheToken() throws Exception {
        var collateral = care.enclave.attestation.entity.Collateral.fromJson(jakarta.json.Json.createReader(
                new java.io.StringReader(Vectors.text("sgx/phala_sgx_quote_collateral.json"))).readObject());
        String token = fixture.service.attestSgx(Vectors.read("sgx/phala_sgx_quote.bin"), null, null, collateral);

        JwtClaims claims = claimsOf(token);
        assertEquals("ConfigurationAndSWHardeningNeeded", claims.getClaimValue("x-ms-sgx-tcb-status"));
        assertEquals(List.of("INTEL-SA-00289", "INTEL-SA-00615"), claims.getStringListClaimValue("x-ms-sgx-advisory-ids"));
    }

    @Test
    void expiredTokensAreRefused() {
        String token = attestPhala(null);
        fixture.withClock(Clock.offset(Vectors.EVALUATION_TIME, Duration.ofHours(9)));

        assertEquals(Reason.TOKEN_EXPIRED, refusal(token, ANY));
    }

    @Test
    void tokensOfAnotherAttestationServiceAreRefused(@TempDir Path otherDir) {
        TokenFixture other = new TokenFixture(otherDir, "https://elsewhere.test", Vectors.EVALUATION_TIME, false);
        String foreign = other.service.attestSgx(Vectors.read("sgx/phala_sgx_quote.bin"), null, null);

        assertEquals(Reason.TOKEN_UNTRUSTED_ISSUER, refusal(foreign, ANY));
    }

    @Test
    void aTokenClaimingOurIssuerButSignedByAnotherServiceIsRefused(@TempDir Path otherDir) {
        TokenFixture impostor = new TokenFixture(otherDir, ISSUER, Vectors.EVALUATION_TIME, false);
        String forged = impostor.service.attestSgx(Vectors.read("sgx/phala_sgx_quote.bin"), null, null);

        assertEquals(Reason.TOKEN_UNKNOWN_KEY, refusal(forged, ANY));
    }

    @Test
    void algNoneIsRefused() throws Exception {
        JsonWebSignature jws = unsigned(claimsOf(attestPhala(null)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);

        assertEquals(Reason.TOKEN_ALGORITHM_REFUSED, refusal(jws.getCompactSerialization(), ANY));
    }

    @Test
    void hs256SignedWithThePublishedPublicKeyIsRefused() throws Exception {
        JsonWebSignature jws = unsigned(claimsOf(attestPhala(null)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(fixture.keys.current().jwk().getKeyId());
        jws.setKey(new HmacKey(fixture.keys.current().jwk().getPublicKey().getEncoded()));
        jws.setDoKeyValidation(false);

        assertEquals(Reason.TOKEN_ALGORITHM_REFUSED, refusal(jws.getCompactSerialization(), ANY));
    }

    @Test
    void anUnknownKidIsRefused() throws Exception {
        JsonWebSignature jws = unsigned(claimsOf(attestPhala(null)));
        var stranger = RsaJwkGenerator.generateJwk(2048);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("not-published");
        jws.setKey(stranger.getPrivateKey());

        assertEquals(Reason.TOKEN_UNKNOWN_KEY, refusal(jws.getCompactSerialization(), ANY));
    }

    @Test
    void aJkuOtherThanTheIssuersKeySetIsRefused() throws Exception {
        JsonWebSignature jws = unsigned(claimsOf(attestPhala(null)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(fixture.keys.current().jwk().getKeyId());
        jws.setHeader("jku", "https://attacker.test/certs");
        jws.setKey(fixture.keys.current().jwk().getRsaPrivateKey());

        assertEquals(Reason.TOKEN_UNTRUSTED_ISSUER, refusal(jws.getCompactSerialization(), ANY));
    }

    @Test
    void aDebugEnclaveIsRefusedWhereProductionIsExpected() {
        fixture.policies.replace(new care.enclave.attestation.entity.Policy(List.of(), List.of(), null, 0, true, List.of()));
        String token = fixture.service.attestSgx(Vectors.read("sgx/intel_sdk_debug.quote.bin"), null, null);

        assertEquals(Reason.DEBUG_ENCLAVE_REFUSED, refusal(token, PRODUCTION));
    }

    @Test
    void anEnclaveOutsideTheMrEnclavePinIsRefused() {
        Expectations pinned = Expectations.mrEnclave(List.of("00".repeat(32)), false);

        assertEquals(Reason.ENCLAVE_NOT_ALLOWED, refusal(attestPhala(null), pinned));
    }

    @Test
    void garbageIsRefused() {
        assertEquals(Reason.TOKEN_INVALID, refusal("not-a-token", ANY));
        String token = attestPhala(null);
        assertEquals(Reason.TOKEN_INVALID, refusal(token.substring(0, token.length() - 6) + "AAAAAA", ANY));
    }

    @Test
    void rotationKeepsOldTokensVerifiableUntilTheyExpire() {
        String before = attestPhala(null);
        fixture.keys.rotate();
        String after = attestPhala(null);

        assertEquals(2, fixture.keys.jwks().getJsonWebKeys().size());
        fixture.verifier.verify(before, ANY);
        fixture.verifier.verify(after, ANY);
        fixture.withClock(Clock.offset(Vectors.EVALUATION_TIME, Duration.ofHours(9)));
        assertEquals(1, fixture.keys.jwks().getJsonWebKeys().size(), "retired key unpublished after token lifetime");
    }

    @Test
    void signingKeysSurviveARestart() {
        String token = attestPhala(null);
        TokenFixture restarted = new TokenFixture(dir, ISSUER, Vectors.EVALUATION_TIME, false);

        restarted.verifier.verify(token, ANY);
    }

    private static JwtClaims claimsOf(String token) throws Exception {
        return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().processToClaims(token);
    }

    private static JsonWebSignature unsigned(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        return jws;
    }
}
