package it.care.enclave;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Submits patients with distinctive values, provokes the error paths with them too, and then searches
 * every Redis key and value, every server log file and the whole audit trail as the auditor reads it for
 * each value and id: none may appear.
 */
class LeakScanIT {

    @Test
    void noIdOrFieldValueReachesRedisOrTheLogs() throws Exception {
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

        List<String> needles = List.of(marker, ssn, email, id, marker.toLowerCase());
        List<String> haystack = new ArrayList<>(redisContents());
        for (Path log : ItServer.logFiles()) {
            haystack.addAll(ItServer.lines(log));
        }
        AuditIT.wholeTrail().forEach(entry -> haystack.add(entry.toString()));
        assertTrue(haystack.size() > 10, "scanned Redis and logs");
        for (String needle : needles) {
            assertTrue(haystack.stream().noneMatch(line -> line.contains(needle)), "found " + needle);
        }
    }

    private static List<String> redisContents() {
        Properties config = ItServer.redisConfig();
        List<String> contents = new ArrayList<>();
        try (RedisClient redis = RedisClient.builder()
                .hostAndPort(new HostAndPort("127.0.0.1", Integer.parseInt(config.getProperty("port"))))
                .clientConfig(DefaultJedisClientConfig.builder().password(config.getProperty("requirepass")).build())
                .build()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<byte[]> page = redis.scan(cursor.getBytes(StandardCharsets.US_ASCII), new ScanParams().count(500));
                for (byte[] key : page.getResult()) {
                    contents.add(new String(key, StandardCharsets.ISO_8859_1));
                    List<byte[]> values = "list".equals(redis.type(key)) ? redis.lrange(key, 0, -1) : List.of(redis.get(key));
                    values.forEach(value -> contents.add(new String(value, StandardCharsets.ISO_8859_1)));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return contents;
    }
}
