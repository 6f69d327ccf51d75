package it.care.enclave;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's session sign-in at the HTTP level: the cookie's attributes, CSRF protection of
 * state-changing requests, sign-out, throttling of guessed passwords, the portal's files and the security
 * headers on every answer. (The browser tests in PortalBrowserIT drive the same through the page.)
 */
class PortalSessionIT {

    static final String PORTAL = "enclave-care-portal";

    /** A browser-like client: its own cookie jar, the pinned server certificate. */
    static final class Browser {
        final HttpClient client = HttpClient.newBuilder().sslContext(ItServer.tls()).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        HttpResponse<String> send(String method, String path, String contentType, String body, boolean withCsrf) {
            HttpRequest.Builder request = HttpRequest.newBuilder(ItServer.https(path)).timeout(Duration.ofSeconds(30))
                    .header("X-Requested-With", PORTAL)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (withCsrf && csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
            try {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> signIn(String user, String password) {
            HttpResponse<String> answer = send("POST", "/auth/session", Http.JSON,
                    "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", false);
            if (answer.statusCode() == 200) {
                csrf = json(answer).getString("csrfToken");
            }
            return answer;
        }
    }

    static String uniqueId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSignedInSessionReadsAndWritesOnlyWithItsCsrfToken() {
        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn("clerk", ItServer.clerkPassword());
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("__Host-EnclaveCareSession="), cookie);
        for (String attribute : new String[]{"Secure", "HttpOnly", "SameSite=Strict", "Path=/"}) {
            assertTrue(cookie.toLowerCase().contains(attribute.toLowerCase()), attribute + " in " + cookie);
        }
        JsonObject me = json(browser.send("GET", "/auth/session", null, null, false));
        assertEquals("clerk", me.getString("user"));
        assertEquals(900, me.getInt("idleTimeoutSeconds"));

        String id = uniqueId("portal_csrf");
        String body = Http.seedForm("Csrf");
        HttpResponse<String> forged = browser.send("POST", "/patient/" + id, Http.FORM, body, false);
        assertEquals(403, forged.statusCode());
        assertEquals("application/problem+json", forged.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(json(forged).getString("detail").contains("X-CSRF-Token"));
        browser.csrf = "wrong" + browser.csrf;
        assertEquals(403, browser.send("POST", "/patient/" + id, Http.FORM, body, true).statusCode());
        browser.csrf = me.getString("csrfToken");

        assertEquals(201, browser.send("POST", "/patient/" + id, Http.FORM, body, true).statusCode());
        assertEquals(200, browser.send("GET", "/patient/" + id, null, null, false).statusCode());

        assertEquals(204, browser.send("DELETE", "/auth/session", null, null, true).statusCode());
        HttpResponse<String> after = browser.send("GET", "/patient/" + id, null, null, false);
        assertEquals(401, after.statusCode());
        assertTrue(after.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Session"),
                "the portal's own requests get no Basic challenge, so browsers show no password dialog");
        assertEquals(401, browser.send("GET", "/auth/session", null, null, false).statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutADialogAndRepeatedGuessesAreThrottled() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> wrong = browser.signIn("clerk", "not-the-password");
        assertEquals(401, wrong.statusCode());
        assertFalse(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty(), "no session for a refused sign-in");

        HttpResponse<String> throttled = wrong;
        for (int i = 0; i < 6 && throttled.statusCode() != 429; i++) {
            throttled = browser.signIn("clerk", "guess-" + i);
        }
        assertEquals(429, throttled.statusCode(), throttled.body());
        long wait = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(429, browser.signIn("clerk", ItServer.clerkPassword()).statusCode(), "even the right password waits");

        Thread.sleep((wait + 1) * 1000);
        assertEquals(200, browser.signIn("clerk", ItServer.clerkPassword()).statusCode());
        assertEquals(401, browser.signIn("mallory", "x").statusCode());
        for (java.nio.file.Path log : ItServer.logFiles()) {
            assertTrue(ItServer.lines(log).stream().noneMatch(l -> l.contains("mallory") || l.contains("guess-")),
                    "refused user names and passwords are never logged");
        }
    }

    @Test
    void signInIsJsonOnlySoACrossSiteFormCannotSignAnyoneIn() {
        Browser browser = new Browser();
        HttpResponse<String> form = browser.send("POST", "/auth/session", Http.FORM,
                "username=clerk&password=" + ItServer.clerkPassword(), false);
        assertEquals(415, form.statusCode());
        assertEquals(401, browser.send("GET", "/auth/session", null, null, false).statusCode());
    }

    @Test
    void apiClientsKeepBasicAuthentication() {
        HttpResponse<String> anonymous = Http.get("/patient/" + uniqueId("portal_basic"), null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(404, Http.get("/patient/" + uniqueId("portal_basic"), ItServer.clerkAuth()).statusCode());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPatientJsonIsNeverStored() {
        for (String path : new String[]{"/", "/login", "/assets/app.js", "/portal/config", "/certs", "/no-such-page"}) {
            HttpResponse<String> answer = Http.get(path, null);
            String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(path));
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElseThrow());
        }
        HttpResponse<String> record = Http.get("/patient/" + uniqueId("portal_cache"), ItServer.clerkAuth());
        assertEquals("no-store", record.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void thePortalsFilesArePublicRevalidatedAndSelfContained() {
        HttpResponse<String> app = Http.get("/", null);
        assertEquals(200, app.statusCode());
        assertTrue(app.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertFalse(app.body().contains("<script>") || java.util.regex.Pattern.compile("\\son[a-z]+\\s*=").matcher(app.body()).find(),
                "no inline script or event handler");
        assertFalse(app.body().contains("//cdn") || app.body().contains("http://") || app.body().contains("https://"),
                "no other host");
        HttpResponse<String> script = Http.get("/assets/app.js", null);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals("no-cache", script.headers().firstValue("Cache-Control").orElseThrow());
        String etag = script.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = Http.send(HttpRequest.newBuilder(ItServer.https("/assets/app.js"))
                .header("If-None-Match", etag).build());
        assertEquals(304, again.statusCode());
        assertEquals(404, Http.get("/assets/missing.js", null).statusCode());
        HttpResponse<String> traversal = Http.get("/assets/..%2FWEB-INF%2Fweb.xml", null);
        assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, "status " + traversal.statusCode());
        assertFalse(traversal.body().contains("web-app"));
        assertEquals(404, Http.get("/WEB-INF/web.xml", null).statusCode());
    }

    @Test
    void thePortalConfigurationNamesThePlatformsOwnMeasurementByDefault() {
        JsonObject config = json(Http.get("/portal/config", null));
        String token = AttestationIT.ownToken("portal-config");
        JsonObject claims = jakarta.json.Json.createReader(new java.io.StringReader(new String(
                java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])))).readObject();
        assertEquals(claims.getString("x-ms-sgx-mrenclave"), config.getString("expectedMrEnclave"));
        assertEquals(claims.getString("iss"), config.getString("issuer"));
        assertTrue(config.getBoolean("allowSimulated"));
        assertEquals(1, config.getJsonArray("providerMrEnclaves").size());
    }
}
