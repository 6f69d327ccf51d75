package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leak scan, run after every other integration test (its own failsafe execution in pom.xml): every
 * patient id and field value any test submitted ({@link ItTrail}), and this test's own distinctive patient,
 * are searched for in every Redis key and value, Redis's files, every log file of both servers, every error
 * response the tests received and the whole audit trail as the auditor reads it: none may appear.
 */
class LeakScanIT {

    @Test
    void theScanFindsWhatItLooksFor() {
        Needles needles = new Needles(List.of("leak_Qabc12345", "Qabc12345@leak.example", "other-needle-1"));

        assertEquals(Set.of("leak_Qabc12345"), needles.findIn("x GET /patient/leak_Qabc12345 HTTP/1.1"));
        assertEquals(Set.of("Qabc12345@leak.example", "other-needle-1"),
                needles.findIn("other-needle-1 and qQabc12345@leak.example"));
        assertTrue(needles.findIn("leak_Qabc1234 5").isEmpty());
    }

    @Test
    void noIdOrFieldValueReachesRedisLogsErrorResponsesOrTheAuditTrail() throws Exception {
        List<String> own = submitDistinctivePatient();
        List<String> values = new ArrayList<>(own);
        values.addAll(ItTrail.lines(ItTrail.patientValuesFile()));
        Needles needles = new Needles(values);

        Map<String, String> haystack = new LinkedHashMap<>();
        haystack.put("redis keys and values", RedisContents.dump());
        for (Path file : files()) {
            haystack.put(file.toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
        }
        haystack.put("error responses", String.join("\n", ItTrail.lines(ItTrail.errorResponsesFile())));
        haystack.put("audit trail", AuditIT.wholeTrail().toString());

        System.out.printf("Leak scan: %d distinct ids and values (>= %d chars) in %d sources, %d KiB%n",
                needles.count(), ItTrail.MIN_NEEDLE_LENGTH, haystack.size(),
                haystack.values().stream().mapToLong(String::length).sum() / 1024);
        assertTrue(needles.count() > own.size(), "the other tests recorded their patients");
        assertTrue(haystack.get("redis keys and values").contains("patient:"), "Redis was scanned");
        List<String> hits = new ArrayList<>();
        haystack.forEach((source, text) -> needles.findIn(text).forEach(hit -> hits.add(hit + " in " + source)));
        assertEquals(List.of(), hits);
    }

    /** One patient with distinctive values, through the success and the error paths. */
    private static List<String> submitDistinctivePatient() {
        String marker = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = "leak_" + marker;
        String ssn = "SSN-" + marker.substring(1, 9);
        String email = marker.toLowerCase() + "@leak.example";
        String condition = "chf " + marker;
        String body = Http.seedForm(marker).replace("123-223-2345", ssn).replace("nr@aaa.com", email)
                .replace("'diabetes, hypertension, asthma'", condition);
        String auth = ItServer.clerkAuth();

        assertEquals(201, post("/patient/" + id, FORM, body, auth).statusCode());
        assertEquals(200, get("/patient/" + id, auth).statusCode());
        assertEquals(200, get("/score/" + id, auth).statusCode());
        assertEquals(409, post("/patient/" + id, FORM, body, auth).statusCode());
        HttpResponse<String> invalid = post("/patient/" + id + "_x", FORM, body.replace(email, marker + "-no-at"), auth);
        assertEquals(400, invalid.statusCode());
        assertFalse(invalid.body().contains(marker), "error responses never echo values");
        assertEquals(400, post("/patient/" + id + "_j", Http.JSON, "{\"fname\":\"" + marker + "\",", auth).statusCode());
        assertEquals(404, get("/patient/" + id + "_missing", auth).statusCode());
        assertEquals(401, get("/patient/" + id, ItServer.basicAuth("clerk", marker)).statusCode());
        return List.of(marker, ssn, email, id, marker.toLowerCase());
    }

    /** Both servers' logs (messages, console, trace, FFDC) and the embedded Redis's own files. */
    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>(ItServer.logFiles());
        files.addAll(regularFiles(Path.of(System.getProperty("it.provider.dir")).resolve("logs")));
        try (Stream<Path> redis = Files.list(ItServer.dir().resolve("data/redis"))) {
            files.addAll(redis.filter(Files::isRegularFile).toList());
        }
        return files;
    }

    private static List<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
