package it.care.enclave;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static it.care.enclave.Http.get;
import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probes Kubernetes uses, unauthenticated over HTTPS: every check UP on the running servers, each with a
 * reason that gives nothing away, and readiness (not liveness) following Redis.
 */
class HealthIT {

    /** Check name → status, from a /health/* answer. */
    static Map<String, String> checks(HttpResponse<String> response) {
        return json(response).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }

    /** Readiness may wait for the provider (restarted by ProviderOutageIT) and the probe's short cache. */
    static HttpResponse<String> readyWithin(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> ready = get("/health/ready", null);
        while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            ready = get("/health/ready", null);
        }
        return ready;
    }

    @Test
    void everyCheckIsUpAndEachKindHasItsChecks() throws Exception {
        HttpResponse<String> started = get("/health/started", null);
        HttpResponse<String> live = get("/health/live", null);
        HttpResponse<String> ready = readyWithin(Duration.ofSeconds(60));

        assertEquals(200, started.statusCode(), started.body());
        assertEquals(200, live.statusCode(), live.body());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(Map.of("patients-data-key", "UP", "attestation-signing-key", "UP", "inference-models", "UP"),
                checks(started));
        assertEquals(Map.of("patients-data-key", "UP", "attestation-signing-key", "UP", "inference-engine", "UP"),
                checks(live));
        assertEquals(Map.of("patients-redis", "UP", "patients-data-key", "UP", "attestation-signing-key", "UP",
                "inference-models", "UP", "diagnostics-provider", "UP"), checks(ready));
    }

    @Test
    void everyCheckGivesAReasonAndNoSecrets() throws Exception {
        String all = get("/health", null).body() + readyWithin(Duration.ofSeconds(60)).body();
        String redisPassword = ItServer.redisConfig().getProperty("requirepass");
        String adminHash = Files.readString(ItServer.dir().resolve("data/operations/admin-password.xml"));

        for (JsonObject check : Http.json(get("/health", null)).getJsonArray("checks").getValuesAs(JsonObject.class)) {
            assertFalse(check.getJsonObject("data").getString("reason").isBlank(), check.toString());
        }
        assertFalse(all.contains(redisPassword));
        assertFalse(all.contains(String.valueOf(ItServer.redisConfig().getProperty("port"))), "no Redis address");
        assertFalse(all.contains(adminHash.replaceAll("(?s).*value=\"\\{hash\\}([^\"]{20}).*", "$1")));
        assertFalse(all.contains(ItServer.dir().toString()), "no file paths");
    }

    @Test
    void theProviderServerReportsItsModelsAndEngine() throws Exception {
        HttpResponse<String> ready = ProviderIT.provider(HttpRequest.newBuilder(ProviderIT.providerUri("/health/ready")));
        HttpResponse<String> live = ProviderIT.provider(HttpRequest.newBuilder(ProviderIT.providerUri("/health/live")));

        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(Map.of("inference-models", "UP"), checks(ready));
        assertEquals(Map.of("inference-engine", "UP"), checks(live));
    }

    @Test
    void aFrozenRedisMakesThePlatformUnreadyButNotDead() throws Exception {
        readyWithin(Duration.ofSeconds(60));
        long pid = ItServer.redisPid();
        RedisOutageIT.signal("STOP", pid);
        HttpResponse<String> ready;
        HttpResponse<String> live;
        long start = System.nanoTime();
        try {
            ready = get("/health/ready", null);
            live = get("/health/live", null);
        } finally {
            RedisOutageIT.signal("CONT", pid);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", checks(ready).get("patients-redis"));
        assertEquals("UP", checks(ready).get("patients-data-key"), "only Redis is down");
        assertEquals(200, live.statusCode(), "a restart would not cure Redis: " + live.body());
        assertTrue(took.toSeconds() < 5, "the probe is bounded: " + took);
        assertEquals(200, readyWithin(Duration.ofSeconds(10)).statusCode(), "ready again once Redis runs");
    }
}
