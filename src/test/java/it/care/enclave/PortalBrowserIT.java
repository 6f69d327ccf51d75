package it.care.enclave;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.bidi.network.AddInterceptParameters;
import org.openqa.selenium.bidi.network.BeforeRequestSent;
import org.openqa.selenium.bidi.network.BytesValue;
import org.openqa.selenium.bidi.network.ContinueRequestParameters;
import org.openqa.selenium.bidi.network.Header;
import org.openqa.selenium.bidi.network.InterceptPhase;
import org.openqa.selenium.bidi.network.ProvideResponseParameters;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hospital portal in a real headless Chromium against the IT server: sign-in, intake with client- and
 * server-side errors, lookup, the explained score, delineation of the sample slice with the provider's
 * verified identity, the trust panel's states (forced failures by tampering responses through WebDriver
 * BiDi request interception), an XSS attempt rendered inert, and the page weight of a first visit. Every
 * test ends by checking that the page requested nothing from another host. Screenshots:
 * target/portal-screenshots/.
 */
class PortalBrowserIT {

    static final String SIMULATED = "Simulated enclave (development)";
    static PortalBrowser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new PortalBrowser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void nothingWasRequestedFromAnotherHost() {
        if (browser != null) {
            System.out.println("Script errors so far: " + browser.scriptErrors());
            assertEquals(List.of(), browser.requestsToOtherHosts());
        }
    }

    static String uniqueId() {
        return "portal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void signedInAndSimulated(PortalBrowser b) {
        b.signIn(ItServer.clerkPassword());
        b.waitForText("trust-label", SIMULATED);
    }

    private static void lookUp(PortalBrowser b, String id) {
        b.type("f-lookup-id", id);
        b.driver.findElement(By.cssSelector("#lookup-form button[type=submit]")).click();
    }

    /** Answers every request matching the URL with the given body, through BiDi, before it reaches the server. */
    private static void intercept(PortalBrowser b, String url, Function<BeforeRequestSent, ProvideResponseParameters> answer) {
        String id = b.network.addIntercept(new AddInterceptParameters(InterceptPhase.BEFORE_REQUEST_SENT).urlStringPattern(url));
        b.network.onBeforeRequestSent(event -> {
            if (event.isBlocked() && event.getIntercepts().contains(id)) {
                b.network.provideResponse(answer.apply(event));
            }
        });
    }

    private static ProvideResponseParameters json(BeforeRequestSent event, int status, String body) {
        return new ProvideResponseParameters(event.getRequest().getRequestId()).statusCode(status)
                .headers(List.of(new Header("Content-Type", new BytesValue(BytesValue.Type.STRING, "application/json"))))
                .body(new BytesValue(BytesValue.Type.STRING, body));
    }

    @Test
    void nothingBeforeSignInThenTheTrustPanelShowsTheSimulatedEnclave() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
        browser.visible("username").sendKeys("clerk");
        browser.byId("password").sendKeys("not-the-password");
        browser.byId("sign-in").click();
        browser.waitForText("login-error", "not right");
        browser.screenshot("01-sign-in-refused");

        signedInAndSimulated(browser);
        assertEquals("simulated", browser.byId("trust-button").getAttribute("data-state"));
        browser.byId("trust-button").click();
        browser.visible("trust-details");
        String details = browser.byId("trust-platform").getText();
        assertTrue(details.contains("The enclave's measurement (MRENCLAVE) is the expected one"), details);
        assertTrue(details.contains("The token answers this page's fresh nonce"), details);
        assertTrue(details.contains("not confidential"), details);
        browser.screenshot("02-trust-panel-simulated");
        browser.byId("trust-button").click();

        browser.byId("sign-out").click();
        browser.wait.until(ExpectedConditions.urlContains("/login"));
        browser.waitForText("login-notice", "You have signed out.");
        browser.open("/");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void aClerkAdmitsAPatientLooksThemUpAndReadsTheExplainedScore() {
        String id = uniqueId();
        signedInAndSimulated(browser);
        lookUp(browser, id);
        browser.waitForText("lookup-status", "No patient has this id yet");
        assertEquals(id, browser.visible("f-id").getAttribute("value"));

        browser.forgetRequests();
        browser.byId("f-email").sendKeys("nr-at-aaa.com");
        browser.driver.findElement(By.cssSelector("#intake-form button[type=submit]")).click();
        browser.waitForText("e-fname", "First name is required");
        assertEquals("E-mail must be an e-mail address such as name@example.org", browser.byId("e-email").getText());
        assertEquals("true", browser.byId("f-email").getAttribute("aria-invalid"));
        assertTrue(browser.requests().stream().noneMatch(r -> r.startsWith("POST")), "invalid intakes are not sent");
        browser.screenshot("03-intake-checked-in-the-browser");

        fillSeedIntake(browser);
        // A tampering proxy changes the e-mail after the page's checks: the server's own per-field error shows.
        String intercept = browser.network.addIntercept(new AddInterceptParameters(InterceptPhase.BEFORE_REQUEST_SENT)
                .urlStringPattern(PortalBrowser.origin() + "/patient/" + id));
        browser.network.onBeforeRequestSent(event -> {
            if (event.isBlocked() && event.getIntercepts().contains(intercept)) {
                browser.network.continueRequest(new ContinueRequestParameters(event.getRequest().getRequestId())
                        .body(new BytesValue(BytesValue.Type.STRING, seedJson().replace("nr@aaa.com", "nr-at-aaa.com"))));
            }
        });
        browser.driver.findElement(By.cssSelector("#intake-form button[type=submit]")).click();
        browser.waitForText("e-email", "E-mail must be an e-mail address");
        browser.screenshot("04-intake-server-field-error");
        browser.network.removeIntercept(intercept);

        browser.driver.findElement(By.cssSelector("#intake-form button[type=submit]")).click();
        browser.waitForText("record-title", "Jane Doe");
        assertRecordWithScore();
        browser.screenshot("05-record-with-explained-score");

        browser.open("/");
        browser.waitForText("trust-label", SIMULATED);
        lookUp(browser, id);
        browser.waitForText("record-title", "Jane Doe");
        assertRecordWithScore();
        assertFalse(browser.driver.getCurrentUrl().contains(id), "patient ids never enter the address bar");
        browser.driver.manage().window().setSize(new Dimension(820, 1180));
        browser.screenshot("06-record-at-tablet-width");
        browser.driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void assertRecordWithScore() {
        String record = browser.byId("record").getText();
        assertTrue(record.contains("Primera Blue Cross") && record.contains("123-223-2345"), record);
        assertTrue(browser.byId("score-percent").getText().matches("\\d+\\.\\d %"), record);
        assertTrue(record.contains("was recognised as") && record.contains("points for age"), record);
        assertTrue(record.contains("0 years old when admitted"), record);
    }

    private static void fillSeedIntake(PortalBrowser b) {
        b.type("f-fname", "Jane");
        b.type("f-lname", "Doe");
        b.type("f-address", "123 Main Street");
        b.type("f-city", "Richmond");
        b.type("f-state", "Washington");
        b.type("f-ssn", "123-223-2345");
        b.type("f-email", "nr@aaa.com");
        b.setDate("f-dob", "2010-01-01");
        b.type("f-contactphone", "123-234-3456");
        b.type("f-drugallergies", "Sulpha, Penicillin, Tree Nut");
        b.type("f-preexistingconditions", "diabetes, hypertension, asthma");
        b.setDate("f-dateadmitted", "2010-01-05");
        b.type("f-insurancedetails", "Primera Blue Cross");
    }

    private static String seedJson() {
        return Json.createObjectBuilder().add("fname", "Jane").add("lname", "Doe").add("address", "123 Main Street")
                .add("city", "Richmond").add("state", "Washington").add("ssn", "123-223-2345").add("email", "nr@aaa.com")
                .add("dob", "2010-01-01").add("contactphone", "123-234-3456")
                .add("drugallergies", "Sulpha, Penicillin, Tree Nut")
                .add("preexistingconditions", "diabetes, hypertension, asthma").add("dateadmitted", "2010-01-05")
                .add("insurancedetails", "Primera Blue Cross").build().toString();
    }

    /** Values on both sides of each rule; the page's verdict per field must be the server's. */
    static final String[][] RULE_CASES = {
        {"fname", ""}, {"fname", "x".repeat(100)}, {"fname", "x".repeat(101)}, {"fname", "\\uD83D\\uDE00".repeat(100)},
        {"lname", "Doe\\u200B"}, {"lname", "Doe\\u0007"}, {"address", "  padded  "},
        {"ssn", "123"}, {"ssn", "1234"}, {"ssn", "12 -34"}, {"ssn", "-1234"}, {"ssn", "AB-12_34"},
        {"email", "a@b"}, {"email", "a@b.c"}, {"email", "a b@c.d"}, {"email", "a@b..c"}, {"email", "a@@b.c"},
        {"email", "x".repeat(65) + "@b.c"}, {"email", "\\u00E9l\\u00E8ve@\\u00E9cole.fr"},
        {"contactphone", "123456"}, {"contactphone", "1234567"}, {"contactphone", "+1 (206) 555-0100"},
        {"contactphone", "206.555.0100 x1"}, {"contactphone", "++12345678"},
        {"dob", "02/30/2000"}, {"dob", "2000-02-29"}, {"dob", "1900-02-29"}, {"dob", "2000-2-1"}, {"dob", "01/01/2999"},
        {"dob", "01/01/1800"}, {"dateadmitted", "2009-12-31"}, {"dateadmitted", "2999-01-01"},
        {"dateadmitted", "13/01/2010"}, {"drugallergies", ""}, {"insurancedetails", "y".repeat(201)},
    };

    @Test
    void theBrowsersIntakeRulesAreTheServers() {
        signedInAndSimulated(browser);
        for (String[] rule : RULE_CASES) {
            // The cases are JSON string literals, so control characters and emoji stay readable above.
            jakarta.json.JsonValue value = Json.createReader(new java.io.StringReader("\"" + rule[1] + "\"")).readValue();
            String body = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(seedJson())).readObject())
                    .add(rule[0], value).build().toString();
            java.net.http.HttpResponse<String> server = Http.post("/patient/" + uniqueId(), Http.JSON, body, ItServer.clerkAuth());
            List<String> serverFields = server.statusCode() == 201 ? List.of()
                    : Http.json(server).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("field")).distinct().sorted().toList();
            Object page = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "import('/assets/fields.js').then(m => done(Object.keys(m.validateIntake(JSON.parse(arguments[0]))).sort()));",
                    body);
            assertEquals(serverFields, page, rule[0] + " = " + rule[1] + " (server answered " + server.statusCode() + ")");
        }
    }

    @Test
    void theSampleSliceIsOutlinedBesideTheOriginalByAVerifiedProvider() throws Exception {
        byte[] slice = DelineateIT.sampleSlice();
        Path file = Files.createTempFile("TCGA_CS_4944", ".png");
        Files.write(file, slice);
        signedInAndSimulated(browser);
        browser.byId("mri-file").sendKeys(file.toString());
        browser.visible("mri-original");
        browser.script("window.progressSeen = false; const p = document.getElementById('delineate-progress');"
                + "new MutationObserver(() => { if (!p.hidden) window.progressSeen = true; }).observe(p, {attributes: true});");
        browser.byId("delineate-button").click();
        browser.visible("mri-outlined");
        browser.waitForText("delineation-facts", "pixels");
        assertEquals(Boolean.TRUE, browser.script("return window.progressSeen;"), "a progress indicator was shown");
        assertEquals(256L, browser.script("const img = document.getElementById('mri-outlined');"
                + "return img.complete ? img.naturalWidth : 0;"));
        JsonObject config = Http.json(Http.get("/portal/config", null));
        String provider = config.getJsonArray("providerMrEnclaves").getString(0);
        String facts = browser.byId("delineation-facts").getText();
        assertTrue(facts.contains("flair-threshold") && facts.contains(provider) && facts.contains("% of the head area"), facts);
        browser.script("document.getElementById('delineate-section').scrollIntoView()");
        browser.screenshot("07-delineation-outline-beside-original");
        browser.byId("trust-button").click();
        browser.waitForText("trust-provider", "Simulated provider enclave (development)");
        String providerPanel = browser.byId("trust-provider").getText();
        assertTrue(providerPanel.contains("The provider's measurement is one this portal expects")
                && providerPanel.contains(provider), providerPanel);
        browser.screenshot("08-trust-panel-with-verified-provider");
        browser.byId("trust-button").click();

        Path notAnImage = Files.createTempFile("not-an-mri", ".png");
        Files.writeString(notAnImage, "this is not a PNG", StandardCharsets.UTF_8);
        browser.byId("mri-file").sendKeys(notAnImage.toString());
        browser.byId("delineate-button").click();
        browser.waitForText("mri-error", "This file is not an MRI slice the model can read");
        browser.script("document.getElementById('delineate-section').scrollIntoView()");
        browser.screenshot("09-delineation-bad-file");
    }

    @Test
    void anUnavailableProviderIsExplainedPlainly() throws Exception {
        try (PortalBrowser b = new PortalBrowser()) {
            // The real outage (provider server stopped) is ProviderOutageIT; here the page's wording of its 503.
            intercept(b, PortalBrowser.origin() + "/delineate", event -> json(event, 503,
                    "{\"type\":\"about:blank\",\"title\":\"Diagnostics provider unavailable\",\"status\":503}")
                    .headers(List.of(new Header("Content-Type", new BytesValue(BytesValue.Type.STRING, "application/problem+json")),
                            new Header("Retry-After", new BytesValue(BytesValue.Type.STRING, "5")))));
            Path file = Files.createTempFile("slice", ".png");
            Files.write(file, DelineateIT.sampleSlice());
            signedInAndSimulated(b);
            b.byId("mri-file").sendKeys(file.toString());
            b.byId("delineate-button").click();
            b.waitForText("mri-error", "The diagnostics provider is not available right now. Try again in 5 seconds.");
            assertEquals(List.of(), b.requestsToOtherHosts());
        }
    }

    @Test
    void aForgedKeySetTurnsThePanelRedAndNoPatientDataLeavesThePage() throws Exception {
        String forged = forgedKeySet();
        try (PortalBrowser b = new PortalBrowser()) {
            intercept(b, PortalBrowser.origin() + "/certs", event -> json(event, 200, forged));
            b.signIn(ItServer.clerkPassword());
            b.waitForText("trust-label", "Not verified: patient data blocked");
            assertTrue(b.byId("blocked").isDisplayed());
            assertFalse(b.byId("f-lookup-id").isEnabled(), "the forms are disabled");
            b.byId("trust-button").click();
            b.waitForText("trust-platform", "the signature does not verify against the published keys");
            b.screenshot("10-trust-failed-forged-keys");

            // Even with the forms forced open, the request gate sends nothing.
            b.script("document.querySelectorAll('fieldset').forEach(f => f.disabled = false);");
            lookUp(b, uniqueId());
            b.waitForText("lookup-status", "Patient data was not sent");
            assertTrue(b.requests().stream().noneMatch(r -> r.contains("/patient/")), b.requests().toString());
            assertEquals(List.of(), b.requestsToOtherHosts());
        }
    }

    @Test
    void aReplayedTokenFailsTheNonceCheck() throws Exception {
        String replayed = AttestationIT.ownToken("an-earlier-page");
        try (PortalBrowser b = new PortalBrowser()) {
            intercept(b, PortalBrowser.origin() + "/attest/SgxEnclave?api-version=2022-08-01",
                    event -> json(event, 200, "{\"token\":\"" + replayed + "\"}"));
            b.signIn(ItServer.clerkPassword());
            b.waitForText("trust-label", "Not verified: patient data blocked");
            b.byId("trust-button").click();
            b.waitForText("trust-platform", "Check failed: The token answers this page's fresh nonce");
            b.screenshot("11-trust-failed-replayed-token");
            assertTrue(b.requests().stream().noneMatch(r -> r.contains("/patient/")));
            assertEquals(List.of(), b.requestsToOtherHosts());
        }
    }

    /** The real key ids with an attacker's RSA key: a token signed by the platform no longer verifies. */
    private static String forgedKeySet() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        var keys = Json.createArrayBuilder();
        for (JsonObject real : Http.json(Http.get("/certs", null)).getJsonArray("keys").getValuesAs(JsonObject.class)) {
            keys.add(Json.createObjectBuilder().add("kty", "RSA").add("kid", real.getString("kid")).add("use", "sig")
                    .add("n", b64.encodeToString(unsigned(key.getModulus().toByteArray())))
                    .add("e", b64.encodeToString(key.getPublicExponent().toByteArray())));
        }
        return Json.createObjectBuilder().add("keys", keys).build().toString();
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Test
    void aRecordHoldingMarkupIsShownAsText() {
        String id = uniqueId();
        String fname = "<img src=x onerror=\"window.xss='img'\">";
        String lname = "<script>window.xss='script'</script>";
        String body = seedJson().replace("\"Jane\"", Json.createValue(fname).toString())
                .replace("\"Doe\"", Json.createValue(lname).toString())
                .replace("diabetes, hypertension", "<b>diabetes</b>, hypertension");
        assertEquals(201, Http.post("/patient/" + id, Http.JSON, body, ItServer.clerkAuth()).statusCode());

        signedInAndSimulated(browser);
        lookUp(browser, id);
        browser.waitForText("record-title", "<script>");
        assertEquals(fname + " " + lname, browser.byId("record-title").getText());
        assertTrue(browser.byId("record").getText().contains("<b>diabetes</b>"));
        assertEquals(0L, browser.script("return document.querySelectorAll('main img:not([id^=mri]), main script, main b').length;"));
        assertEquals(null, browser.script("return window.xss === undefined ? null : window.xss;"));
        browser.screenshot("12-markup-rendered-as-text");
    }

    @Test
    void aNewUsersFirstVisitIsSmallAndComesOnlyFromThisServer() {
        try (PortalBrowser fresh = new PortalBrowser()) {
            fresh.open("/");
            fresh.wait.until(ExpectedConditions.urlContains("/login"));
            fresh.visible("username");
            Map<String, Object> login = fresh.pageWeight();
            fresh.byId("username").sendKeys("clerk");
            fresh.byId("password").sendKeys(ItServer.clerkPassword());
            fresh.byId("sign-in").click();
            fresh.visible("main");
            fresh.waitForText("trust-label", SIMULATED);
            Map<String, Object> app = fresh.pageWeight();
            long pages = ((Number) login.get("bytes")).longValue() + ((Number) app.get("bytes")).longValue();
            long network = fresh.bytesReceived();
            System.out.println("PORTAL PAGE WEIGHT, new user in a fresh profile opening / (signed out, sent to the"
                    + " sign-in page), signing in and waiting for the trust panel: " + network + " bytes received"
                    + " in " + fresh.requests().size() + " requests (network layer, WebDriver BiDi). Resource Timing"
                    + " transferSize: sign-in page " + login.get("bytes") + " B in " + login.get("requests")
                    + " requests, portal after sign-in incl. attestation " + app.get("bytes") + " B in "
                    + app.get("requests") + " requests, together " + pages + " B");
            System.out.println("PORTAL FILES: " + login.get("files") + " " + app.get("files"));
            assertTrue(Math.max(pages, network) < 250_000, "a first visit stays under 250 kB");
            assertEquals(List.of(), fresh.requestsToOtherHosts(), fresh.requests().toString());
            assertTrue(fresh.requests().size() > 10, "the request log works: " + fresh.requests());
        }
    }
}
