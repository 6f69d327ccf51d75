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
        AttestedCaller partner = AttestedCaller.attest(AttestedCaller.ALLOWED, "enclave-care-platform");

        HttpResponse<String> score = scoreAs(partner);

        assertEquals(200, score.statusCode(), score.body());
    }

    @Test
    void anAttestedEnclaveThatIsNotAPartnerIsRefused() throws Exception {
        HttpResponse<String> refused = scoreAs(AttestedCaller.attest("ee".repeat(32), "enclave-care-platform"));

        assertEquals(403, refused.statusCode(), "a genuine enclave, just not a partner");
    }

    @Test
    void aPartnerEnclavesTokenAloneOrMeantForAnotherServiceIsRefused() throws Exception {
        AttestedCaller partner = AttestedCaller.attest(AttestedCaller.ALLOWED, "enclave-care-platform");
        HttpResponse<String> unproved = get("/score/" + id, bearer(partner.token));
        assertEquals(401, unproved.statusCode());
        assertEquals("PROOF_MISSING", json(unproved).getString("reason"));

        HttpResponse<String> elsewhere = scoreAs(AttestedCaller.attest(AttestedCaller.ALLOWED, AttestedCaller.INFERENCE));
        assertEquals(403, elsewhere.statusCode(), "here it only proves a caller of the provider, not a partner");
    }

    /** A score read by an attested enclave: its token with a DPoP proof signed by the key its evidence binds. */
    private HttpResponse<String> scoreAs(AttestedCaller caller) {
        java.net.URI uri = ItServer.https("/score/" + id);
        return Http.send(caller.authorize(java.net.http.HttpRequest.newBuilder(uri), "GET", uri).GET().build());
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
