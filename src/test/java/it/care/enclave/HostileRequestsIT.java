package it.care.enclave;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests an attacker, or a flaky network, sends: uploads cut off mid-body with Basic, bearer and session
 * credentials, ids hidden behind encoded slashes and dots, malformed session cookies, raw characters RFC 3986
 * forbids, and a forged {@code Host}. None may put a credential, a session id or a patient id into any file
 * under either server's {@code logs/} (FFDC incidents, trace and messages included); each odd target gets a
 * 400 problem document; no answer points anywhere but the configured origin. The credentials and ids used
 * are handed to the leak scan too, which searches them again after every other test.
 */
class HostileRequestsIT {

    private static final String MARKER = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final String ID = "hostile_" + MARKER;

    @Test
    void brokenRequestsLeaveNoCredentialSessionOrIdInAnyLogFile() throws Exception {
        List<Path> before = logFiles();
        String basic = ItServer.clerkAuth();
        String wrongBasic = ItServer.basicAuth("clerk", "pw" + MARKER);
        String bearer = "Bearer " + PartnerIssuer.token("lab-hostile", "partner");
        PortalSessionIT.Browser browser = new PortalSessionIT.Browser();
        assertEquals(200, browser.signIn("clerk", ItServer.clerkPassword()).statusCode());
        String session = sessionCookie(browser);
        // Only what is this test's own: the clerk's Basic credentials are every test's, so they are looked for
        // in the files written during this test only.
        List<String> own = List.of(ID, MARKER, wrongBasic.substring("Basic ".length()),
                bearer.substring("Bearer ".length()), session);
        ItTrail.patientValues(List.of(ID, MARKER));

        int platform = port("it.https.port");
        int provider = port("it.provider.https.port");
        for (String credentials : List.of("Authorization: " + basic, "Authorization: " + wrongBasic,
                "Authorization: " + bearer, "Cookie: __Host-EnclaveCareSession=" + session + "\r\nX-CSRF-Token: " + browser.csrf)) {
            abortUpload(platform, "/patient/" + ID + "/delineate", "multipart/form-data; boundary=b", credentials,
                    "--b\r\nContent-Disposition: form-data; name=\"img\"; filename=\"" + ID + ".png\"\r\n\r\n\u0089PNG");
            abortUpload(platform, "/delineate", "multipart/form-data; boundary=b", credentials, "--b\r\n");
            abortUpload(platform, "/patient/" + ID, Http.FORM, credentials, "fname=" + MARKER);
            abortUpload(platform, "/patient/" + ID, Http.JSON, credentials, "{\"fname\":\"" + MARKER);
            abortUpload(provider, "/inference/v2/models/unet/infer", Http.JSON, credentials, "{\"enc\":\"");
        }
        for (String trick : List.of("..%2F" + ID, ID + "%2F..", "%2e%2e/" + ID, ID + "%5C", ID + "%23x",
                "%2E%2E%2F" + ID, ID + "%00")) {
            assertEquals(400, rawGet(platform, "/patient/" + trick, "Authorization: " + basic).status(), trick);
        }
        for (String cookie : List.of("JSESSIONID=" + ID + "<>;", "JSESSIONID=\"" + ID, "__Host-EnclaveCareSession="
                + ID + "%00", "JSESSIONID=" + session + "x; __Host-EnclaveCareSession=" + session + ID)) {
            for (String path : List.of("/patient/" + ID, "/adminCenter/", "/ibm/api/", "/auth/session")) {
                assertTrue(rawGet(platform, path, "Cookie: " + cookie).status() < 500, path);
            }
        }

        Thread.sleep(2000);
        List<String> hits = new ArrayList<>();
        Needles ownNeedles = new Needles(own);
        Needles clerk = new Needles(List.of(basic.substring("Basic ".length())));
        for (Path file : logFiles()) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            ownNeedles.findIn(text).forEach(hit -> hits.add(hit + " in " + file));
            if (!before.contains(file) || !file.toString().contains("ffdc")) {
                clerk.findIn(text).forEach(hit -> hits.add("the clerk's Basic credentials in " + file));
            }
        }
        assertEquals(List.of(), hits);
    }

    @Test
    void everyRawCharacterRfc3986ForbidsIsA400ProblemOnEveryServer() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String server : List.of("it.https.port", "it.provider.https.port")) {
            for (String base : List.of("/x%s", "/patient/a%sb", "/assets/a%s.js", "/score/a?b=%s",
                    "/inference/v2/models/unet%s/infer", "/%s")) {
                for (char c : FuzzCases.RAW_CHARACTERS.toCharArray()) {
                    String target = String.format(base, c);
                    RawHttp.Answer answer = rawGet(port(server), target, "Authorization: " + ItServer.clerkAuth());
                    if (answer.status() != 400 || !answer.header("Content-Type").startsWith("application/problem+json")) {
                        failures.add(server + " " + target + " -> " + answer.status() + " " + answer.header("Content-Type"));
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theHostHeaderIsNeverReflectedIntoLocationOrTheHttpsRedirect() throws Exception {
        String origin = "https://localhost:" + System.getProperty("it.https.port");
        String id = "host_" + MARKER;
        byte[] form = Http.seedForm(MARKER).getBytes(StandardCharsets.UTF_8);
        String request = "POST /patient/" + id + " HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                + ItServer.clerkAuth() + "\r\nContent-Type: " + Http.FORM + "\r\nContent-Length: " + form.length
                + "\r\nConnection: close\r\n\r\n";
        ItTrail.patientRequest("/patient/" + id, Http.seedForm(MARKER));
        RawHttp.Answer created = RawHttp.exchange(port("it.https.port"), concat(request, form), 30_000);

        assertEquals(201, created.status(), created.bodyText());
        assertEquals(origin + "/patient/" + id, created.header("Location"));

        HttpResponse<String> forwarded = Http.send(HttpRequest.newBuilder(ItServer.http("/patient/" + id + "?a=1"))
                .header("X-Forwarded-Host", "evil.example").build());
        assertEquals(302, forwarded.statusCode());
        assertEquals(origin + "/patient/" + id + "?a=1", forwarded.headers().firstValue("Location").orElseThrow());
        for (String host : List.of("evil.example", "evil.example:" + System.getProperty("it.http.port"), "localhost.evil.example:443")) {
            RawHttp.Answer plain = plainGet("/patient/" + id, host);
            assertEquals(302, plain.status(), host);
            assertEquals(origin + "/patient/" + id, plain.header("Location"), host);
        }
        RawHttp.Answer escape = plainGet("//evil.example/x", "evil.example");
        assertEquals(origin + "/", escape.header("Location"));
    }

    private static String sessionCookie(PortalSessionIT.Browser browser) {
        return ((java.net.CookieManager) browser.client.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("__Host-EnclaveCareSession")).findFirst().orElseThrow().getValue();
    }

    /** Headers and a first piece of a body announced much longer, then the connection dropped. */
    private static void abortUpload(int port, String path, String contentType, String credentials, String start)
            throws IOException, InterruptedException {
        try (SSLSocket socket = (SSLSocket) ItServer.tls().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + credentials + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: 100000\r\n\r\n" + start).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(300);
        }
    }

    private static RawHttp.Answer rawGet(int port, String target, String header) throws IOException {
        return RawHttp.exchange(port, ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + header
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), 30_000);
    }

    /** Over plain HTTP, with a Host header java.net.http would not let a test choose. */
    private static RawHttp.Answer plainGet(String target, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress("localhost", port("it.http.port")), 5000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9))
                    .map(l -> l.substring(9).trim()).findFirst().orElse("");
            int status = Integer.parseInt(answer.substring(9, 12));
            return new RawHttp.Answer(status, java.util.Map.of("location", location), new byte[0], false);
        }
    }

    private static byte[] concat(String head, byte[] body) {
        byte[] bytes = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, 0, head.length());
        System.arraycopy(body, 0, bytes, head.length(), body.length);
        return bytes;
    }

    private static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }

    private static List<Path> logFiles() throws IOException {
        List<Path> files = new ArrayList<>(ItServer.logFiles());
        try (Stream<Path> provider = Files.walk(Path.of(System.getProperty("it.provider.dir")).resolve("logs"))) {
            files.addAll(provider.filter(Files::isRegularFile).toList());
        }
        return files;
    }
}
