package it.care.enclave;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.JSON;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.json;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patients API as a hospital's client sees it, against the running server and its real Redis. */
class PatientsIT {

    /** The seed's curl request, byte for byte (curl -d sends it unencoded as a form). */
    static final String SEED_BODY = "fname=Jane&lname=Doe&address='123 Main Street'&city=Richmond&state=Washington"
            + "&ssn=123-223-2345&email=nr@aaa.com&dob=01/01/2010&contactphone=123-234-3456"
            + "&drugallergies='Sulpha, Penicillin, Tree Nut'&preexistingconditions='diabetes, hypertension, asthma'"
            + "&dateadmitted=01/05/2010&insurancedetails='Primera Blue Cross'";

    static String uniqueId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSeedRequestCreatesReadsAndScoresAPatient() {
        String id = uniqueId("patient_3");
        HttpResponse<String> created = post("/patient/" + id, FORM, SEED_BODY, ItServer.clerkAuth());

        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = json(created);
        assertEquals(id, body.getString("id"));
        assertEquals("'123 Main Street'", body.getString("address"));
        assertEquals("'diabetes, hypertension, asthma'", body.getString("preexistingconditions"));
        assertEquals(0.09852973096317874, body.getJsonNumber("score").doubleValue(), 1e-12);
        assertEquals(2, body.getJsonObject("scoreDetails").getInt("index"));
        assertEquals(16, body.size());

        HttpResponse<String> read = get("/patient/" + id, ItServer.clerkAuth());
        assertEquals(200, read.statusCode());
        assertEquals(body, json(read));

        HttpResponse<String> score = get("/score/" + id, ItServer.clerkAuth());
        assertEquals(200, score.statusCode());
        assertEquals(body.getJsonNumber("score"), json(score).getJsonNumber("score"));
        assertEquals(body.getJsonObject("scoreDetails"), json(score).getJsonObject("scoreDetails"));
        assertEquals(3, json(score).size());
    }

    @Test
    void jsonIntakeIsAcceptedToo() {
        String id = uniqueId("json");
        String body = "{\"fname\":\"Ann\",\"lname\":\"Lee\",\"address\":\"1 Way\",\"city\":\"Oslo\",\"state\":\"Oslo\","
                + "\"ssn\":\"NO-1234\",\"email\":\"ann@example.org\",\"dob\":\"1950-03-01\",\"contactphone\":\"+47 123 45 678\","
                + "\"drugallergies\":null,\"preexistingconditions\":\"COPD, heart failure\",\"dateadmitted\":\"2024-02-01\","
                + "\"insurancedetails\":\"\"}";

        HttpResponse<String> created = post("/patient/" + id, JSON, body, ItServer.clerkAuth());

        assertEquals(201, created.statusCode(), created.body());
        // 73 at admission (3 points) + COPD (1) + heart failure (1)
        assertEquals(5, json(created).getJsonObject("scoreDetails").getInt("index"));
    }

    @Test
    void aSecondCreateIsRefusedAndTheRecordIsUnchanged() {
        String id = uniqueId("dup");
        post("/patient/" + id, FORM, SEED_BODY, ItServer.clerkAuth());

        HttpResponse<String> again = post("/patient/" + id, FORM, SEED_BODY.replace("Jane", "Mallory"),
                ItServer.clerkAuth());

        assertEquals(409, again.statusCode());
        assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("Jane", json(get("/patient/" + id, ItServer.clerkAuth())).getString("fname"));
    }

    @Test
    void concurrentCreatesOfOneIdGiveExactlyOneCreated() throws Exception {
        String id = uniqueId("race");
        String auth = ItServer.clerkAuth();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String name = "Racer" + (char) ('a' + i % 26);
                attempts.add(() -> post("/patient/" + id, FORM, SEED_BODY.replace("Jane", name), auth).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(31, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyClientsCreatingTheSameIdsGiveExactlyOneCreatedPerIdAndKeepThatRecord() throws Exception {
        int ids = 50;
        int clients = 8;
        String prefix = uniqueId("crowd") + "_";
        String auth = ItServer.clerkAuth();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<HttpResponse<String>>> attempts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String name = "Client" + (char) ('a' + c);
                for (int i = 0; i < ids; i++) {
                    String id = prefix + i;
                    attempts.add(() -> post("/patient/" + id, FORM, SEED_BODY.replace("Jane", name), auth));
                }
            }
            java.util.Map<String, List<HttpResponse<String>>> byId = new java.util.TreeMap<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(attempts)) {
                HttpResponse<String> response = answer.get();
                byId.computeIfAbsent(response.uri().getPath(), k -> new ArrayList<>()).add(response);
            }
            assertEquals(ids, byId.size());
            byId.forEach((path, answers) -> {
                List<HttpResponse<String>> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
                assertEquals(1, created.size(), path);
                assertEquals(clients - 1, answers.stream().filter(r -> r.statusCode() == 409).count(), path);
                assertEquals(json(created.get(0)), json(get(path, auth)), "the winner's record, intact: " + path);
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownPatientsAre404ProblemDocuments() {
        HttpResponse<String> missing = get("/patient/" + uniqueId("nobody"), ItServer.clerkAuth());

        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, json(missing).getInt("status"));
        assertEquals(404, get("/score/" + uniqueId("nobody"), ItServer.clerkAuth()).statusCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fname=Jane|fname=|fname",
            "ssn=123-223-2345|ssn=12#4|ssn",
            "email=nr@aaa.com|email=not-an-email|email",
            "dob=01/01/2010|dob=02/30/2010|dob",
            "dob=01/01/2010|dob=01/01/2999|dob",
            "dateadmitted=01/05/2010|dateadmitted=12/31/2009|dateadmitted",
            "contactphone=123-234-3456|contactphone=call-me-maybe|contactphone"})
    void eachBadFieldIsNamedWithoutEchoingItsValue(String good, String bad, String field) {
        HttpResponse<String> refused = post("/patient/" + uniqueId("bad"), FORM, SEED_BODY.replace(good, bad),
                ItServer.clerkAuth());

        assertEquals(400, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = json(refused);
        assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        String value = bad.substring(bad.indexOf('=') + 1);
        assertTrue(value.isEmpty() || !refused.body().contains(value), refused.body());
    }

    @Test
    void malformedBasicCredentialsAre401ProblemsNotServerErrors() {
        String id = uniqueId("basic");
        for (String credentials : List.of("Basic ####", "Basic " + java.util.Base64.getEncoder().encodeToString(
                "clerk".getBytes()), "Basic " + java.util.Base64.getEncoder().encodeToString(new byte[]{(byte) 0xC3, 0x28}))) {
            HttpResponse<String> refused = get("/patient/" + id, credentials);

            assertEquals(401, refused.statusCode(), credentials);
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        }
    }

    @Test
    void aQueryStringTheUriParserRejectsIsRefusedBeforeAnythingIsStored() throws Exception {
        String id = uniqueId("query");
        byte[] body = SEED_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String port = System.getProperty("it.https.port");
        String head = "POST /patient/" + id + "?%zz HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                + ItServer.clerkAuth() + "\r\nContent-Type: " + FORM + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ItTrail.patientRequest("/patient/" + id, SEED_BODY);

        RawHttp.Answer created = RawHttp.exchange(Integer.parseInt(port),
                FuzzBases.concat(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), body), 30_000);

        assertEquals(400, created.status(), created.bodyText());
        assertTrue(created.header("Content-Type").startsWith("application/problem+json"), created.header("Content-Type"));
        assertEquals(404, get("/patient/" + id, ItServer.clerkAuth()).statusCode(), "nothing was stored");
    }

    @Test
    void malformedIdsAreRefusedAs400() {
        HttpResponse<String> refused = post("/patient/" + "x".repeat(65), FORM, SEED_BODY, ItServer.clerkAuth());

        assertEquals(400, refused.statusCode());
        assertEquals("id", json(refused).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, get("/patient/a%20b", ItServer.clerkAuth()).statusCode());
        // The web container refuses an encoded slash itself; its error page is a problem document too.
        HttpResponse<String> slash = get("/patient/123%2F45", ItServer.clerkAuth());
        assertEquals(400, slash.statusCode());
        assertEquals("application/problem+json", slash.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertFalse(slash.body().contains("123"), slash.body());
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = SEED_BODY + "&pad=" + "x".repeat(70_000);

        HttpResponse<String> refused = post("/patient/" + uniqueId("big"), FORM, huge, ItServer.clerkAuth());

        assertEquals(413, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void otherMediaTypesAre415() {
        HttpResponse<String> refused = post("/patient/" + uniqueId("type"), "text/plain", SEED_BODY, ItServer.clerkAuth());

        assertEquals(415, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void callersMustAuthenticate() {
        String id = uniqueId("auth");
        HttpResponse<String> anonymous = post("/patient/" + id, FORM, SEED_BODY, null);
        HttpResponse<String> wrong = get("/patient/" + id, ItServer.basicAuth("clerk", "wrong-password"));
        HttpResponse<String> unknownUser = get("/score/" + id, ItServer.basicAuth("mallory", "x"));

        for (HttpResponse<String> refused : List.of(anonymous, wrong, unknownUser)) {
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
            assertEquals(401, json(refused).getInt("status"));
        }
        assertEquals(404, get("/patient/" + id, ItServer.clerkAuth()).statusCode(), "nothing was created");
    }

    @Test
    void plainHttpServesNoPatientData() {
        String id = uniqueId("plain");
        post("/patient/" + id, FORM, SEED_BODY, ItServer.clerkAuth());

        HttpResponse<String> plain = Http.send(HttpRequest.newBuilder(ItServer.http("/patient/" + id))
                .header("Authorization", ItServer.clerkAuth()).build());

        assertEquals(302, plain.statusCode());
        assertTrue(plain.headers().firstValue("Location").orElseThrow().startsWith("https://"));
        assertFalse(plain.body().contains("Jane"));
    }

    @Test
    void unknownRoutesAreProblemDocuments() {
        HttpResponse<String> missing = get("/no/such/route", ItServer.clerkAuth());

        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
    }
}
