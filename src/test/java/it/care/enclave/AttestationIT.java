package it.care.enclave;

import jakarta.json.JsonObject;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import static it.care.enclave.Http.JSON;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.json;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's path through attestation, over HTTPS against the running server: fetch evidence, attest it,
 * verify the token offline against /certs with a standard JWT library; real Intel quotes; refusals with
 * reasons; operator-only policies; key release only to the enclave the key's policy names.
 */
class AttestationIT {

    static final String ATTEST = "/attest/SgxEnclave?api-version=2022-08-01";

    static JsonObject evidence(String nonce) {
        HttpResponse<String> response = get("/attestation/evidence?nonce=" + nonce, null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    static String attestBody(JsonObject evidence, String nonce) {
        return "{\"quote\":\"" + evidence.getString("quote") + "\",\"runtimeData\":{\"data\":\""
                + evidence.getString("runtimeData") + "\",\"dataType\":\"JSON\"},\"nonce\":\"" + nonce + "\"}";
    }

    static String ownToken(String nonce) {
        HttpResponse<String> attested = post(ATTEST, JSON, attestBody(evidence(nonce), nonce), null);
        assertEquals(200, attested.statusCode(), attested.body());
        return json(attested).getString("token");
    }

    @Test
    void evidenceIsAttestedAndTheTokenVerifiesOfflineAgainstCerts() throws Exception {
        String nonce = UUID.randomUUID().toString();
        String token = ownToken(nonce);
        JsonWebKeySet keys = new JsonWebKeySet(get("/certs", null).body());
        JsonObject metadata = json(get("/.well-known/openid-configuration", null));

        JwtClaims claims = new JwtConsumerBuilder()
                .setExpectedIssuer(metadata.getString("issuer"))
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .build().processToClaims(token);

        assertEquals(nonce, claims.getClaimValue("nonce"));
        assertEquals(metadata.getString("issuer") + "/certs", metadata.getString("jwks_uri"));
        assertTrue(((String) claims.getClaimValue("x-ms-sgx-mrenclave")).matches("[0-9a-f]{64}"));
        assertEquals(Boolean.TRUE, claims.getClaimValue("x-ms-sgx-is-debuggable"), "simulated enclaves are debug");
        assertTrue(((String) claims.getClaimValue("x-enclave-care-evidence")).startsWith("simulated"));
        assertTrue(claims.getClaimValue("x-ms-runtime").toString().contains("\"use\":\"enc\"")
                || claims.getClaimValue("x-ms-runtime").toString().contains("use=enc"));
    }

    @Test
    void theTokenCarriesOnlyTheNonceTheEvidenceBindsAndTheAudienceAskedFor() throws Exception {
        JsonObject evidence = evidence("bound-nonce");

        HttpResponse<String> other = post(ATTEST, JSON, attestBody(evidence, "another-nonce"), null);
        assertEquals(400, other.statusCode(), other.body());
        assertTrue(other.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals("NONCE_MISMATCH", json(other).getString("reason"));

        HttpResponse<String> attested = post(ATTEST, JSON, attestBody(evidence, "bound-nonce")
                .replaceFirst("}$", ",\"audience\":\"enclave-care-inference\"}"), null);
        assertEquals(200, attested.statusCode(), attested.body());
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(
                json(attested).getString("token").split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("bound-nonce", claims.getClaimValue("nonce"));
        assertEquals(java.util.List.of("enclave-care-inference"), claims.getAudience());
    }

    @Test
    void theSeedRouteReturnsTheSameEvidenceInItsShape() {
        JsonObject report = json(get("/sgx_report", null));

        assertTrue(Base64.getUrlDecoder().decode(report.getString("sgx_quote")).length > 1000);
        assertTrue(new String(Base64.getUrlDecoder().decode(report.getString("sgx_ehd"))).contains("\"keys\""));
    }

    @Test
    void aRealIntelQuoteIsAttested() throws Exception {
        Path vector = Path.of(System.getProperty("shared.dir", "../shared"), "vectors/sgx/intel_sdk_release.quote.bin");
        Assumptions.assumeTrue(Files.exists(vector), "SKIPPED: real SGX vectors not found at " + vector);
        String quote = Base64.getUrlEncoder().withoutPadding().encodeToString(Files.readAllBytes(vector));

        HttpResponse<String> attested = post(ATTEST, JSON, "{\"quote\":\"" + quote + "\"}", null);

        assertEquals(200, attested.statusCode(), attested.body());
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(
                json(attested).getString("token").split("\\.")[1])));
        assertTrue(((String) claims.getClaimValue("x-ms-sgx-mrenclave")).startsWith("d37d983a85d63fb4"));
        assertEquals("sgx", claims.getClaimValue("x-enclave-care-evidence"));
    }

    @Test
    void tamperedEvidenceIsRefusedWithItsReason() {
        JsonObject evidence = evidence("tamper");
        byte[] quote = Base64.getUrlDecoder().decode(evidence.getString("quote"));
        quote[100] ^= 0x01;
        String body = "{\"quote\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(quote) + "\"}";

        HttpResponse<String> refused = post(ATTEST, JSON, body, null);

        assertEquals(400, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("QUOTE_SIGNATURE_INVALID", json(refused).getString("reason"));
    }

    @Test
    void runtimeDataThatTheQuoteDoesNotBindIsRefused() {
        JsonObject evidence = evidence("bind");
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"keys\":[]}".getBytes());
        String body = "{\"quote\":\"" + evidence.getString("quote") + "\",\"runtimeData\":{\"data\":\"" + other
                + "\",\"dataType\":\"JSON\"}}";

        assertEquals("REPORT_DATA_MISMATCH", json(post(ATTEST, JSON, body, null)).getString("reason"));
    }

    @Test
    void malformedRequestsAre400AndAMissingApiVersionToo() {
        assertEquals(400, post(ATTEST, JSON, "{\"quote\":12}", null).statusCode());
        assertEquals(400, post(ATTEST, JSON, "not json", null).statusCode());
        assertEquals(400, post("/attest/SgxEnclave", JSON, "{\"quote\":\"AAAA\"}", null).statusCode());
        assertEquals(400, get("/attestation/evidence?nonce=%3Cscript%3E", null).statusCode());
    }

    @Test
    void onlyOperatorsReadAndChangeThePolicyAndAViolationNamesTheRule() {
        String operator = ItServer.basicAuth("operator", ItServer.generatedPassword("operator"));
        assertEquals(401, get("/policies/SgxEnclave", null).statusCode());
        assertEquals(403, get("/policies/SgxEnclave", ItServer.clerkAuth()).statusCode());
        String original = get("/policies/SgxEnclave", operator).body();
        try {
            HttpResponse<String> strict = put("/policies/SgxEnclave", "{\"allowDebug\":false}", operator);
            assertEquals(200, strict.statusCode(), strict.body());

            HttpResponse<String> refused = post(ATTEST, JSON, attestBody(evidence("strict"), "strict"), null);
            assertEquals(400, refused.statusCode());
            assertEquals("POLICY_VIOLATION", json(refused).getString("reason"));
            assertEquals("allowDebug", json(refused).getString("rule"));
            assertEquals(400, put("/policies/SgxEnclave", "{\"allowDebugg\":true}", operator).statusCode());
        } finally {
            assertEquals(200, put("/policies/SgxEnclave", original, operator).statusCode());
        }
    }

    /** Only JSON, each key once, Intel's TCB statuses only; each refusal is problem JSON and changes nothing. */
    @Test
    void aPolicyIsTakenOnlyAsStrictJson() {
        String operator = ItServer.basicAuth("operator", ItServer.generatedPassword("operator"));
        String original = get("/policies/SgxEnclave", operator).body();
        String valid = "{\"allowDebug\":true}";

        HttpResponse<String> text = put("/policies/SgxEnclave", "text/plain", valid, operator);
        HttpResponse<String> noType = Http.send(HttpRequest.newBuilder(ItServer.https("/policies/SgxEnclave"))
                .header("Authorization", operator).PUT(HttpRequest.BodyPublishers.ofString(valid)).build());
        HttpResponse<String> duplicate = put("/policies/SgxEnclave", "{\"allowDebug\":false,\"allowDebug\":true}", operator);
        HttpResponse<String> status = put("/policies/SgxEnclave", "{\"allowedTcbStatuses\":[\"UpToDate\",\"Fine\"]}",
                operator);

        assertEquals(415, text.statusCode(), text.body());
        assertEquals("application/problem+json", text.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(415, noType.statusCode(), noType.body());
        assertEquals(400, duplicate.statusCode(), duplicate.body());
        assertTrue(json(duplicate).getString("detail").contains("allowDebug"), duplicate.body());
        assertEquals(400, status.statusCode(), status.body());
        assertEquals("allowedTcbStatuses", json(status).getString("field"), status.body());
        assertEquals(original, get("/policies/SgxEnclave", operator).body(), "no refused document took effect");
        assertEquals(200, put("/policies/SgxEnclave", original, operator).statusCode());
    }

    @Test
    void anOperatorRotatesTheSigningKeyAndEarlierTokensStillVerify() throws Exception {
        String operator = ItServer.basicAuth("operator", ItServer.generatedPassword("operator"));
        String before = ownToken("rotate");
        assertEquals(403, post("/attestation/signing-keys/rotate", JSON, "", ItServer.clerkAuth()).statusCode());

        HttpResponse<String> rotated = post("/attestation/signing-keys/rotate", JSON, "", operator);

        assertEquals(200, rotated.statusCode());
        JsonWebKeySet keys = new JsonWebKeySet(get("/certs", null).body());
        String newKid = json(rotated).getString("kid");
        assertTrue(keys.getJsonWebKeys().stream().anyMatch(k -> newKid.equals(k.getKeyId())));
        new JwtConsumerBuilder().setSkipDefaultAudienceValidation()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .setExpectedIssuer(json(get("/.well-known/openid-configuration", null)).getString("issuer"))
                .build().processToClaims(before);
        String after = ownToken("rotated");
        assertEquals(newKid, org.jose4j.jws.JsonWebSignature.fromCompactSerialization(after).getKeyIdHeaderValue());
    }

    @Test
    void keysAreReleasedOnlyToTheEnclaveTheirPolicyNames() throws Exception {
        // A simulated enclave of this machine shares the platform's simulated signer, which the key's policy pins.
        AttestedCaller enclave = AttestedCaller.attest("ab".repeat(32), AttestedCaller.KEY_VAULT);
        HttpResponse<String> released = release("patients-data", enclave.token, enclave);
        assertEquals(200, released.statusCode(), released.body());
        assertEquals(5, json(released).getString("value").split("\\.").length, "a compact JWE");

        HttpResponse<String> unproved = release("patients-data", enclave.token, null);
        assertEquals(401, unproved.statusCode(), "the token alone is no credential");
        assertEquals("PROOF_MISSING", json(unproved).getString("reason"));
        HttpResponse<String> anyonesToken = release("patients-data", ownToken("release"), null);
        assertEquals(401, anyonesToken.statusCode(), "anyone can have the platform's evidence attested");

        Path vector = Path.of(System.getProperty("shared.dir", "../shared"), "vectors/sgx/phala_sgx_quote.bin");
        Assumptions.assumeTrue(Files.exists(vector), "SKIPPED: real SGX vectors not found at " + vector);
        String quote = Base64.getUrlEncoder().withoutPadding().encodeToString(Files.readAllBytes(vector));
        String otherEnclave = json(post(ATTEST, JSON, "{\"quote\":\"" + quote + "\"}", null)).getString("token");
        HttpResponse<String> refused = post("/keys/patients-data/release", JSON,
                "{\"target\":\"" + otherEnclave + "\"}", null);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("RELEASE_POLICY_VIOLATION", json(refused).getString("reason"));

        String token = ownToken("forged");
        HttpResponse<String> forged = post("/keys/patients-data/release", JSON,
                "{\"target\":\"" + token.substring(0, token.length() - 8) + "AAAAAAAA\"}", null);
        assertEquals(401, forged.statusCode());
        assertEquals(404, post("/keys/no-such-key/release", JSON, "{\"target\":\"" + token + "\"}", null).statusCode());
    }

    /** A key release request, with a DPoP proof by {@code prover} when given. */
    static HttpResponse<String> release(String key, String token, AttestedCaller prover) {
        java.net.URI uri = ItServer.https("/keys/" + key + "/release");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"" + token + "\"}"));
        if (prover != null) {
            request.header("DPoP", prover.proof("POST", uri));
        }
        return Http.send(request.build());
    }

    private static HttpResponse<String> put(String path, String body, String authorization) {
        return put(path, JSON, body, authorization);
    }

    private static HttpResponse<String> put(String path, String contentType, String body, String authorization) {
        return Http.send(HttpRequest.newBuilder(ItServer.https(path)).header("Content-Type", contentType)
                .header("Authorization", authorization).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
