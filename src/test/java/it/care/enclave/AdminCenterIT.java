package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static it.care.enclave.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations user "admin" signs in to the Admin Center and reads the server through the JMX REST
 * connector; it may look at everything and change nothing (reader role), never touches patient records, and
 * nobody else (clerks included) gets in. Its generated password was printed once and is stored only hashed.
 */
class AdminCenterIT {

    static final String JMX = "/IBMJMXConnectorREST";

    static String admin() {
        return ItServer.basicAuth("admin", ItServer.generatedPassword("admin"));
    }

    private static HttpResponse<String> post(HttpClient client, String path, String contentType, String body,
                                             String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ItServer.https(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String file(Path path) {
        return JMX + "/file/" + URLEncoder.encode(path.toAbsolutePath().toString(), StandardCharsets.UTF_8);
    }

    @Test
    void theAdminSignsInToTheAdminCenter() throws Exception {
        HttpClient browser = browser();

        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(ItServer.https("/adminCenter/")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signedIn = signIn(browser);
        HttpResponse<String> toolbox = browser.send(HttpRequest.newBuilder(ItServer.https("/adminCenter/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(302, start.statusCode());
        assertTrue(start.headers().firstValue("Location").orElseThrow().endsWith("/adminCenter/login.jsp"));
        assertEquals(302, signedIn.statusCode());
        assertFalse(signedIn.headers().firstValue("Location").orElseThrow().contains("login-error"));
        assertEquals(200, toolbox.statusCode());
    }

    /**
     * The Admin Center's sign-in leaves Liberty's single sign-on cookie in the browser; the application never
     * takes the container's identity from it (its callers are established by the application alone).
     */
    @Test
    void theAdminCentersSignOnCookieOpensNoApplicationResource() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = browser(cookies);
        signIn(browser);
        assertTrue(cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().startsWith("LtpaToken")),
                "the Admin Center signed in with Liberty's SSO cookie");

        for (String path : List.of("/patient/anyone", "/policies/SgxEnclave", "/audit", "/auth/session")) {
            HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(ItServer.https(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), path);
        }
    }

    /** Every cookie of the sign-in, Liberty's SSO and CSRF cookies included, stays off cross-site requests. */
    @Test
    void everyCookieOfTheSignInCarriesSameSiteStrict() throws Exception {
        HttpClient browser = browser();
        List<HttpResponse<String>> responses = new java.util.ArrayList<>();
        responses.add(browser.send(HttpRequest.newBuilder(ItServer.https("/adminCenter/")).build(),
                HttpResponse.BodyHandlers.ofString()));
        responses.add(browser.send(HttpRequest.newBuilder(ItServer.https("/adminCenter/login.jsp")).build(),
                HttpResponse.BodyHandlers.ofString()));
        responses.add(signIn(browser));
        responses.add(browser.send(HttpRequest.newBuilder(ItServer.https("/adminCenter/")).build(),
                HttpResponse.BodyHandlers.ofString()));

        List<String> setCookies = responses.stream().flatMap(r -> r.headers().allValues("Set-Cookie").stream()).toList();
        assertTrue(setCookies.stream().anyMatch(c -> c.startsWith("LtpaToken")), setCookies.toString());
        for (String cookie : setCookies) {
            assertTrue(cookie.matches("(?i).*;\\s*SameSite=Strict\\b.*"), cookie.replaceAll("=[^;]*", "=..."));
        }
    }

    private static HttpClient browser() {
        return browser(new CookieManager());
    }

    private static HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder().sslContext(ItServer.tls()).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpResponse<String> signIn(HttpClient browser) throws Exception {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(ItServer.https("/adminCenter/login.jsp")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("j_security_check"));
        CookieManager cookies = (CookieManager) browser.cookieHandler().orElseThrow();
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("csrfToken"))
                .findFirst().orElseThrow().getValue();
        String form = "j_username=admin&j_password=" + ItServer.generatedPassword("admin") + "&X-CSRF-Token=" + csrf;
        return post(browser, "/adminCenter/j_security_check", Http.FORM, form, null);
    }

    @Test
    void aWrongPasswordDoesNotSignIn() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().sslContext(ItServer.tls()).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        browser.send(HttpRequest.newBuilder(ItServer.https("/adminCenter/login.jsp")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("csrfToken"))
                .findFirst().orElseThrow().getValue();

        HttpResponse<String> refused = post(browser, "/adminCenter/j_security_check", Http.FORM,
                "j_username=admin&j_password=not-it&X-CSRF-Token=" + csrf, null);

        assertTrue(refused.headers().firstValue("Location").orElseThrow().contains("login-error"));
    }

    @Test
    void theAdminReadsTheServerThroughTheJmxRestConnector() {
        HttpResponse<String> mbeans = get(JMX + "/mbeans", admin());
        HttpResponse<String> heap = get(JMX + "/mbeans/java.lang%3Atype%3DMemory/attributes/HeapMemoryUsage", admin());

        assertEquals(200, mbeans.statusCode());
        assertTrue(mbeans.body().contains("WebSphere:service=com.ibm.websphere.application.ApplicationMBean,name=enclave-care"));
        assertEquals(200, heap.statusCode());
    }

    @Test
    void nobodyButTheAdminGetsIn() throws Exception {
        String stored = Files.readString(ItServer.dir().resolve("data/operations/admin-password.xml"))
                .replaceAll("(?s).*value=\"([^\"]+)\".*", "$1");

        assertEquals(401, get(JMX + "/mbeans", null).statusCode());
        assertEquals(401, get(JMX + "/mbeans", ItServer.clerkAuth()).statusCode(), "staff are not server users");
        assertEquals(401, get(JMX + "/mbeans", ItServer.basicAuth("admin", "not-the-password")).statusCode());
        assertEquals(401, get(JMX + "/mbeans", ItServer.basicAuth("admin", stored)).statusCode(), "the hash is no password");
        assertEquals(401, get(JMX + "/mbeans", ItServer.basicAuth("admin", "{hash}")).statusCode());
    }

    @Test
    void theAdminInvokesNothing() throws Exception {
        HttpResponse<String> gc = post(ItServer.client(), JMX + "/mbeans/java.lang%3Atype%3DMemory/operations/gc",
                Http.JSON, "{\"params\":[],\"signature\":[]}", admin());
        HttpResponse<String> stop = post(ItServer.client(),
                JMX + "/mbeans/WebSphere%3Aservice%3Dcom.ibm.websphere.application.ApplicationMBean%2Cname%3Denclave-care/operations/stop",
                Http.JSON, "{\"params\":[],\"signature\":[]}", admin());

        assertEquals(403, gc.statusCode(), "a reader invokes no MBean operation");
        assertEquals(403, stop.statusCode());
    }

    @Test
    void theServerConfigToolReadsServerXmlAndNothingElse() {
        Path server = ItServer.dir();

        assertEquals(200, get(file(server.resolve("server.xml")), admin()).statusCode());
        for (Path secret : List.of(server.resolve("server.env"), server.resolve("resources/security/key.p12"),
                server.resolve("data/redis/redis.conf"), server.resolve("data/operations/admin-password.xml"),
                server.resolve("bootstrap.properties"), server.resolve("logs/messages.log"))) {
            assertEquals(400, get(file(secret), admin()).statusCode(), secret.toString());
        }
    }

    @Test
    void theAdminHasNoApplicationRole() {
        assertEquals(401, get("/patient/anyone", admin()).statusCode());
        assertEquals(401, get("/policies/SgxEnclave", admin()).statusCode());
    }

    @Test
    void theGeneratedPasswordWasPrintedOnceAndIsStoredOnlyAsLibertysHash() throws Exception {
        String password = ItServer.generatedPassword("admin");
        // messages.log holds each message once (console.log repeats the console's copy).
        long printed = ItServer.logFiles().stream().filter(log -> log.getFileName().toString().startsWith("messages"))
                .flatMap(log -> ItServer.lines(log).stream())
                .filter(line -> line.contains("Generated the password of user 'admin'")).count();
        String stored = Files.readString(ItServer.dir().resolve("data/operations/admin-password.xml"));

        assertEquals(1, printed);
        assertTrue(stored.contains("value=\"{hash}"), stored);
        assertFalse(stored.contains(password));
    }
}
