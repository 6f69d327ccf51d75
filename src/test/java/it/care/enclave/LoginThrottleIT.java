package it.care.enclave;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing over HTTP Basic and the portal's sign-in, black box: one throttle for both, bound to the
 * account and client together (so a third party cannot lock anyone out), a looser limit per client, no
 * timing difference between a wrong password and an unknown user, and a bounded audit trail under a flood.
 * Each test is a client of its own: it connects from its own loopback source address.
 */
class LoginThrottleIT {

    /** The per-client limit of the platform (SignInThrottle.CLIENT_FREE_FAILURES). */
    static final int CLIENT_FREE_FAILURES = 50;

    static RawHttp.Answer basicFrom(String client, String path, String user, String password) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return from(client, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                + "\r\nConnection: close\r\n\r\n");
    }

    static RawHttp.Answer signInFrom(String client, String user, String password) {
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return from(client, "POST /auth/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Requested-With: enclave-care-portal\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static RawHttp.Answer from(String client, String request) {
        try {
            return RawHttp.exchangeFrom(client, Integer.parseInt(System.getProperty("it.https.port")),
                    request.getBytes(StandardCharsets.UTF_8), 30_000);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertThrottled(RawHttp.Answer answer) {
        assertEquals(429, answer.status(), answer.bodyText());
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertTrue(Long.parseLong(answer.header("Retry-After")) >= 1);
        assertEquals(429, Http.json(answer.bodyText()).getInt("status"));
    }

    @Test
    void guessingOneAccountOverBasicWaitsWithoutLockingItOutElsewhere() {
        String attacker = "127.0.0.21";
        String id = "/patient/" + AuditIT.uniqueId("throttle");
        RawHttp.Answer answer = basicFrom(attacker, id, "clerk", "guess-0");
        assertEquals(401, answer.status());
        for (int i = 1; i < 8 && answer.status() != 429; i++) {
            answer = basicFrom(attacker, id, "clerk", "guess-" + i);
        }
        assertThrottled(answer);
        assertThrottled(basicFrom(attacker, id, "clerk", ItServer.clerkPassword()));
        assertThrottled(basicFrom(attacker, "/certs", "clerk", ItServer.clerkPassword()));
        assertThrottled(signInFrom(attacker, "clerk", ItServer.clerkPassword()));

        assertEquals(404, basicFrom("127.0.0.22", id, "clerk", ItServer.clerkPassword()).status(),
                "the clerk elsewhere is not locked out");
        assertEquals(404, Http.get(id, ItServer.clerkAuth()).statusCode());
        assertEquals(401, basicFrom(attacker, "/audit/verify", "auditor", "wrong").status(),
                "another account from the same client is only refused");
        assertEquals(200, basicFrom(attacker, "/audit/verify", "auditor", ItServer.generatedPassword("auditor")).status());
    }

    @Test
    void manyAccountsFromOneClientWaitPastTheLooserClientLimit() {
        String attacker = "127.0.0.23";
        int refused = 0;
        RawHttp.Answer answer = basicFrom(attacker, "/audit/verify", "name-0", "x");
        while (answer.status() == 401 && refused < CLIENT_FREE_FAILURES + 5) {
            refused++;
            answer = basicFrom(attacker, "/audit/verify", "name-" + refused, "x");
        }
        assertThrottled(answer);
        assertTrue(refused >= CLIENT_FREE_FAILURES - 1, "refused " + refused + " before waiting");
        assertThrottled(basicFrom(attacker, "/audit/verify", "auditor", ItServer.generatedPassword("auditor")));
        assertEquals(200, basicFrom("127.0.0.24", "/audit/verify", "auditor", ItServer.generatedPassword("auditor")).status());
    }

    @Test
    void anUnknownUserTakesAsLongAsAWrongPassword() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            // A fresh client per pair of samples, so no throttle interferes.
            String client = "127.0.1." + (10 + i);
            known.add(timed(client, "clerk"));
            unknown.add(timed(client, "nobody-" + i));
        }
        long k = median(known.subList(1, known.size()));
        long u = median(unknown.subList(1, unknown.size()));
        System.out.println("LoginThrottleIT: median ms, wrong password of a known user " + k + ", unknown user " + u);
        assertTrue(Math.abs(k - u) <= 40 || Math.max(k, u) <= 1.5 * Math.min(k, u), "known " + k + " ms, unknown " + u + " ms");
    }

    private static long timed(String client, String user) {
        long start = System.nanoTime();
        assertEquals(401, basicFrom(client, "/audit/verify", user, "wrong-password").status());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aFloodOfFailedLoginsAddsABoundedNumberOfAuditEntries() throws Exception {
        String attacker = "127.0.0.25";
        long before = AuditIT.verify().getJsonNumber("entries").longValue();
        int sent = 0;
        for (; sent < 120; sent++) {
            basicFrom(attacker, "/audit/verify", sent % 2 == 0 ? "clerk" : "flood-" + sent, "x");
        }
        long during = AuditIT.verify().getJsonNumber("entries").longValue() - before;
        assertTrue(during <= 12, during + " entries for " + sent + " refusals");

        Thread.sleep((61 + 10) * 1000L);
        List<JsonObject> counted = AuditIT.wholeTrail().stream()
                .filter(e -> e.getString("action").equals("SIGN_IN") && e.getString("target", "").startsWith("repeated:"))
                .toList();
        long total = counted.stream().mapToLong(e -> Long.parseLong(e.getString("target").substring(9))).sum();
        assertTrue(total >= sent - during, "counted " + total + " of " + sent + ": " + counted);
        assertTrue(AuditIT.verify().getBoolean("ok"));
    }
}
