package it.care.enclave;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.json;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partners with bearer tokens from the configured issuer, or attested partner enclaves with their
 * attestation token, may read scores, and nothing else.
 */
class PartnerTokensIT {

    static String id;

    @BeforeAll
    static void admitPatient() {
        id = "partner_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, post("/patient/" + id, FORM, Http.seedForm(""), ItServer.clerkAuth()).statusCode());
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void aPartnerReadsScores() throws Exception {
        HttpResponse<String> score = get("/score/" + id, bearer(PartnerIssuer.token("lab-1", "partner")));

        assertEquals(200, score.statusCode(), score.body());
        assertEquals(id, json(score).getString("id"));
    }

    @Test
    void aPartnerCannotReadOrCreateRecords() throws Exception {
        String partner = bearer(PartnerIssuer.token("lab-1", "partner"));

        assertEquals(403, get("/patient/" + id, partner).statusCode());
        assertEquals(403, post("/patient/" + id + "_p", FORM, Http.seedForm(""), partner).statusCode());
    }

    @Test
    void aTokenClaimingStaffRolesGrantsNothing() throws Exception {
        HttpResponse<String> refused = get("/patient/" + id, bearer(PartnerIssuer.token("mallory", "clerk")));

        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    }

    @Test
    void anAttestedPartnerEnclaveReadsScoresWithItsAttestationToken() throws Exception {
        HttpResponse<String> score = get("/score/" + id, bearer(attestedToken("intel_sdk_release.quote.bin")));

        assertEquals(200, score.statusCode(), score.body());
    }

    @Test
    void anAttestedEnclaveThatIsNotAPartnerIsRefused() throws Exception {
        HttpResponse<String> refused = get("/score/" + id, bearer(attestedToken("phala_sgx_quote.bin")));

        assertEquals(403, refused.statusCode(), "a genuine enclave, just not a partner");
    }

    /** Attests a real SGX quote with the server's attestation service, as the enclave itself would. */
    private static String attestedToken(String vector) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("shared.dir", "../shared"), "vectors/sgx", vector);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(file), "SKIPPED: vectors not at " + file);
        String quote = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.nio.file.Files.readAllBytes(file));
        HttpResponse<String> attested = post(AttestationIT.ATTEST, Http.JSON, "{\"quote\":\"" + quote + "\"}", null);
        assertEquals(200, attested.statusCode(), attested.body());
        return json(attested).getString("token");
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = PartnerIssuer.token("lab-1", "partner");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        HttpResponse<String> refused = get("/score/" + id, bearer(tampered));

        assertEquals(401, refused.statusCode());
        assertEquals(401, json(refused).getInt("status"));
    }
}
