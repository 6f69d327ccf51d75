package it.care.enclave;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.JSON;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.json;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail seen from outside: what clerks, partners, enclaves and the platform do is recorded under
 * the right actor with a keyed hash for the record; only the auditor reads it; and altering the stored
 * trail directly in the server's Redis shows in {@code GET /audit/verify}.
 */
class AuditIT {

    static final byte[] LOG = "{audit}:log".getBytes(StandardCharsets.US_ASCII);

    static String auditor() {
        return ItServer.basicAuth("auditor", ItServer.generatedPassword("auditor"));
    }

    static String uniqueId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonArray lookup(String id) {
        HttpResponse<String> found = post("/audit/lookup", JSON, "{\"id\":\"" + id + "\"}", auditor());
        assertEquals(200, found.statusCode(), found.body());
        return json(found).getJsonArray("entries");
    }

    static List<JsonObject> wholeTrail() {
        List<JsonObject> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpResponse<String> page = get("/audit?after=" + after + "&limit=1000", auditor());
            assertEquals(200, page.statusCode(), page.body());
            JsonArray batch = json(page).getJsonArray("entries");
            batch.getValuesAs(JsonObject.class).forEach(entries::add);
            if (!json(page).containsKey("next")) {
                return entries;
            }
            after = json(page).getJsonNumber("next").longValue();
        }
    }

    static JsonObject verify() {
        HttpResponse<String> verified = get("/audit/verify", auditor());
        assertEquals(200, verified.statusCode(), verified.body());
        return json(verified);
    }

    static boolean has(JsonArray entries, Predicate<JsonObject> match) {
        return entries.getValuesAs(JsonObject.class).stream().anyMatch(match);
    }

    static Predicate<JsonObject> entry(String actorKind, String actorName, String action, String outcome) {
        return e -> e.getJsonObject("actor").getString("kind").equals(actorKind)
                && e.getJsonObject("actor").getString("name").equals(actorName)
                && e.getString("action").equals(action) && e.getString("outcome").equals(outcome);
    }

    @Test
    void aClerksWorkOnARecordIsRecordedUnderAKeyedHashOfItsId() {
        String id = uniqueId("audited");
        String clerk = ItServer.clerkAuth();
        assertEquals(201, post("/patient/" + id, FORM, Http.seedForm("Audit"), clerk).statusCode());
        assertEquals(200, get("/patient/" + id, clerk).statusCode());
        assertEquals(200, get("/score/" + id, clerk).statusCode());
        assertEquals(409, post("/patient/" + id, FORM, Http.seedForm("Audit"), clerk).statusCode());
        assertEquals(404, get("/patient/" + id + "_missing", clerk).statusCode());

        HttpResponse<String> found = post("/audit/lookup", JSON, "{\"id\":\"" + id + "\"}", auditor());
        JsonArray entries = json(found).getJsonArray("entries");
        String subject = json(found).getString("subject");

        assertTrue(has(entries, entry("staff", "clerk", "PATIENT_CREATE", "SUCCESS")), entries.toString());
        assertTrue(has(entries, entry("staff", "clerk", "PATIENT_READ", "SUCCESS")));
        assertTrue(has(entries, entry("staff", "clerk", "SCORE_READ", "SUCCESS")));
        assertTrue(has(entries, entry("staff", "clerk", "PATIENT_CREATE", "FAILURE").and(e -> e.getString("reason").equals("EXISTS"))));
        assertTrue(has(entries, entry("staff", "auditor", "AUDIT_LOOKUP", "SUCCESS")), "the lookup itself is recorded");
        assertTrue(entries.getValuesAs(JsonObject.class).stream().allMatch(e -> e.getString("subject").equals(subject)));
        assertFalse(subject.contains(id));
        assertFalse(found.body().contains(id), "the answer never repeats the id");
        assertTrue(has(lookup(id + "_missing"), entry("staff", "clerk", "PATIENT_READ", "FAILURE")
                .and(e -> e.getString("reason").equals("NOT_FOUND"))));
        assertTrue(verify().getBoolean("ok"), verify().toString());
    }

    @Test
    void onlyTheAuditorReadsTheTrailAndOtherRolesAreRefused() throws Exception {
        String partner = "Bearer " + PartnerIssuer.token("lab-1", "partner");
        String operator = ItServer.basicAuth("operator", ItServer.generatedPassword("operator"));
        for (String path : List.of("/audit", "/audit/verify")) {
            assertEquals(401, get(path, null).statusCode());
            assertEquals(403, get(path, ItServer.clerkAuth()).statusCode());
            assertEquals(403, get(path, operator).statusCode());
            assertEquals(403, get(path, partner).statusCode());
            assertEquals(200, get(path, auditor()).statusCode());
        }
        assertEquals(403, post("/audit/lookup", JSON, "{\"id\":\"x\"}", ItServer.clerkAuth()).statusCode());
        assertEquals(401, post("/audit/lookup", JSON, "{\"id\":\"x\"}", null).statusCode());
    }

    @Test
    void theAuditorCannotReadRecordsAndRefusalsAreRecorded() throws Exception {
        String id = uniqueId("refused");
        String operator = ItServer.basicAuth("operator", ItServer.generatedPassword("operator"));
        String partner = "Bearer " + PartnerIssuer.token("lab-1", "partner");
        assertEquals(403, get("/patient/" + id, auditor()).statusCode());
        assertEquals(403, get("/patient/" + id, operator).statusCode());
        assertEquals(403, get("/patient/" + id, partner).statusCode());
        assertEquals(404, get("/score/" + id, partner).statusCode());
        // From a client of its own: a refusal is recorded on its own only as the first of its client's minute.
        assertEquals(401, LoginThrottleIT.basicFrom("127.0.0.31", "/patient/" + id, "clerk", "not-the-password").status());

        JsonArray entries = lookup(id);
        assertTrue(has(entries, entry("staff", "auditor", "ACCESS", "DENIED")
                .and(e -> e.getString("target").equals("GET patient/{id}"))), entries.toString());
        assertTrue(has(entries, entry("staff", "operator", "ACCESS", "DENIED")));
        assertTrue(has(entries, entry("partner", "lab-1 (https://partner.it.test)", "ACCESS", "DENIED")));
        assertTrue(has(entries, entry("partner", "lab-1 (https://partner.it.test)", "SCORE_READ", "FAILURE")));
        assertTrue(has(entries, entry("claimed", "clerk", "SIGN_IN", "DENIED")
                .and(e -> e.getString("reason").equals("basic-credentials-rejected"))));
    }

    @Test
    void attestationDecisionsAndKeyReleasesAreRecorded() {
        // An attested enclave that proves its key but is no partner: a known caller, refused (403).
        AttestedCaller notAPartner = AttestedCaller.attest("ee".repeat(32), "enclave-care-platform");
        byte[] quote = java.util.Base64.getUrlDecoder().decode(AttestationIT.evidence("audit-bad").getString("quote"));
        quote[100] ^= 0x01;
        String tampered = "{\"quote\":\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(quote) + "\"}";
        assertEquals(400, post(AttestationIT.ATTEST, JSON, tampered, null).statusCode());
        java.net.URI score = ItServer.https("/score/" + uniqueId("enclave"));
        assertEquals(403, Http.send(notAPartner.authorize(java.net.http.HttpRequest.newBuilder(score), "GET", score)
                .GET().build()).statusCode());

        List<JsonObject> trail = wholeTrail();
        JsonArray all = jakarta.json.Json.createArrayBuilder(trail).build();
        assertTrue(has(all, entry("anonymous", "", "ATTESTATION", "SUCCESS")
                .and(e -> e.getString("target").startsWith("mrenclave="))), "attested over REST");
        assertTrue(has(all, entry("anonymous", "", "ATTESTATION", "DENIED")
                .and(e -> e.getString("reason").equals("QUOTE_SIGNATURE_INVALID"))));
        assertTrue(has(all, entry("platform", "enclave-care", "KEY_RELEASE", "SUCCESS")
                .and(e -> e.getString("target").startsWith("key=patients-data mrenclave="))), "the key ring at start");
        assertTrue(has(all, e -> e.getJsonObject("actor").getString("kind").equals("enclave")
                && e.getString("action").equals("ACCESS") && e.getString("outcome").equals("DENIED")));
        assertEquals(trail.size(), trail.get(trail.size() - 1).getJsonNumber("seq").longValue());
    }

    @Test
    void badParametersAreProblems() {
        for (String query : List.of("after=-1", "after=abc", "limit=0", "limit=1001", "limit=1e3")) {
            HttpResponse<String> refused = get("/audit?" + query, auditor());
            assertEquals(400, refused.statusCode(), query);
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        }
        for (String body : List.of("{}", "{\"id\":3}", "{\"id\":\"\"}", "not json", "{\"id\":\"" + "x".repeat(300) + "\"}")) {
            assertEquals(400, post("/audit/lookup", JSON, body, auditor()).statusCode(), body);
        }
    }

    @Test
    void theHeadAnchorsTheChainForAuditorsWhoNoteIt() {
        JsonObject verified = verify();
        long seq = verified.getJsonObject("head").getJsonNumber("seq").longValue();
        JsonObject last = json(get("/audit?after=" + (seq - 1) + "&limit=1", auditor())).getJsonArray("entries")
                .getJsonObject(0);

        assertEquals(seq, last.getJsonNumber("seq").longValue());
        assertEquals(verified.getJsonObject("head").getString("mac"), last.getString("mac"));
    }

    @Test
    void tamperingWithTheStoredTrailInRedisIsDetected() {
        assertEquals(201, post("/patient/" + uniqueId("tamper"), FORM, Http.seedForm(""), ItServer.clerkAuth()).statusCode());
        assertTrue(verify().getBoolean("ok"), verify().toString());
        try (RedisClient redis = redis()) {
            long length = redis.llen(LOG);
            assertTrue(length >= 3);
            long k = length - 1;
            byte[] original = redis.lindex(LOG, k - 1);
            byte[] previous = redis.lindex(LOG, k - 2);

            byte[] edited = original.clone();
            edited[edited.length / 2] ^= 0x01;
            assertBrokenAt(redis, k, "entry-unreadable", () -> redis.lset(LOG, k - 1, edited), () -> redis.lset(LOG, k - 1, original));
            assertBrokenAt(redis, k, "out-of-sequence", () -> redis.lset(LOG, k - 1, previous), () -> redis.lset(LOG, k - 1, original));
            assertBrokenAt(redis, k - 1, "out-of-sequence", () -> {
                redis.lset(LOG, k - 2, original);
                redis.lset(LOG, k - 1, previous);
            }, () -> {
                redis.lset(LOG, k - 2, previous);
                redis.lset(LOG, k - 1, original);
            });
            byte[][] popped = new byte[1][];
            assertBrokenAt(redis, length, "tail-missing", () -> popped[0] = redis.rpop(LOG), () -> redis.rpush(LOG, popped[0]));
        }
        assertTrue(verify().getBoolean("ok"), "restored: " + verify());
    }

    private static void assertBrokenAt(RedisClient redis, long seq, String problem, Runnable tamper, Runnable restore) {
        tamper.run();
        try {
            JsonObject verified = verify();
            assertFalse(verified.getBoolean("ok"), verified.toString());
            assertEquals(seq, verified.getJsonNumber("firstBrokenSeq").longValue(), verified.toString());
            assertEquals(problem, verified.getString("problem"));
        } finally {
            restore.run();
        }
    }

    private static RedisClient redis() {
        Properties config = ItServer.redisConfig();
        return RedisClient.builder()
                .hostAndPort(new HostAndPort("127.0.0.1", Integer.parseInt(config.getProperty("port"))))
                .clientConfig(DefaultJedisClientConfig.builder().password(config.getProperty("requirepass")).build())
                .build();
    }

    @Test
    void theSubjectIsNotTheIdInAnyForm() {
        String id = uniqueId("opaque");
        assertEquals(201, post("/patient/" + id, FORM, Http.seedForm(""), ItServer.clerkAuth()).statusCode());
        String subject = json(post("/audit/lookup", JSON, "{\"id\":\"" + id + "\"}", auditor())).getString("subject");

        assertNotEquals(id, subject);
        assertFalse(subject.contains(id.substring(id.indexOf('_') + 1)));
        assertTrue(subject.matches("[A-Za-z0-9_-]{43}"));
    }
}
