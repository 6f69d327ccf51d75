package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /metrics for the operations user only: after real traffic it shows requests per route template, attestation
 * outcomes, Redis errors and inference latency and queue depth, and nowhere a patient id.
 */
class MetricsIT {

    static String metrics() {
        HttpResponse<String> metrics = get("/metrics", AdminCenterIT.admin());
        assertEquals(200, metrics.statusCode());
        return metrics.body();
    }

    static String providerMetrics() throws Exception {
        String password = ItServer.generatedPassword(Path.of(System.getProperty("it.provider.dir")), "admin");
        HttpResponse<String> metrics = ProviderIT.provider(HttpRequest.newBuilder(ProviderIT.providerUri("/metrics"))
                .header("Authorization", ItServer.basicAuth("admin", password)));
        assertEquals(200, metrics.statusCode());
        return metrics.body();
    }

    @Test
    void onlyTheOperationsUserReadsMetrics() {
        assertEquals(401, get("/metrics", null).statusCode());
        assertEquals(401, get("/metrics", ItServer.clerkAuth()).statusCode());
    }

    @Test
    void requestsAreCountedPerRouteTemplateAndNoIdReachesALabel() throws Exception {
        String id = "metrics_" + UUID.randomUUID().toString().substring(0, 8);
        String unknown = "nobody_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, post("/patient/" + id, FORM, Http.seedForm(""), ItServer.clerkAuth()).statusCode());
        assertEquals(200, get("/score/" + id, ItServer.clerkAuth()).statusCode());
        assertEquals(404, get("/score/" + unknown, ItServer.clerkAuth()).statusCode());
        assertEquals(404, get("/" + unknown + "/deeper/path", ItServer.clerkAuth()).statusCode());

        String all = metrics();

        assertTrue(all.contains("http_route=\"/patient/{id}\""), "route templates, not paths");
        assertTrue(all.contains("http_route=\"/score/{id}\""));
        assertTrue(all.lines().anyMatch(l -> l.startsWith("http_server_request_duration_seconds_count{")
                && l.contains("http_response_status_code=\"404\"") && l.contains("/score/{id}")));
        assertTrue(all.contains("REST_request_seconds_count{class=\"care.enclave.patients.boundary.ScoresResource\""));
        for (String needle : new String[]{id, unknown, "deeper"}) {
            assertFalse(all.contains(needle), "found " + needle + " in /metrics");
        }
    }

    /** A client choosing paths must not be able to mint series: unmatched paths share one route label. */
    @Test
    void unmatchedPathsDoNotCreateMetricSeries() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String path = "/openapi/x" + UUID.randomUUID().toString().substring(0, 8);
            made.add(path.substring("/openapi/".length()));
            get(path, null);
        }
        String stray = "stray" + UUID.randomUUID().toString().substring(0, 8);
        made.add(stray);
        get("/" + stray, ItServer.clerkAuth());

        String all = metrics();

        for (String needle : made) {
            assertFalse(all.contains(needle), () -> "found " + needle + " in /metrics: "
                    + all.lines().filter(l -> l.contains(needle)).toList());
        }
    }

    /** The same on the provider, whose WAR is at its root: any invented path there shares the one label too. */
    @Test
    void unmatchedPathsDoNotCreateMetricSeriesOnTheProvider() throws Exception {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String stray = "stray" + UUID.randomUUID().toString().substring(0, 8);
            made.add(stray);
            ProviderIT.provider(HttpRequest.newBuilder(ProviderIT.providerUri(i % 2 == 0 ? "/" + stray
                    : "/inference/v2/models/" + stray + "/infer")));
        }

        String all = providerMetrics();

        for (String needle : made) {
            assertFalse(all.contains(needle), () -> "found " + needle + " in the provider's /metrics: "
                    + all.lines().filter(l -> l.contains(needle)).toList());
        }
    }

    @Test
    void attestationOutcomesAreCountedByReason() {
        post(AttestationIT.ATTEST, Http.JSON, "{\"quote\":\"AAAA\"}", null);

        String all = metrics();

        assertTrue(all.contains("attestation_outcomes_total{mp_scope=\"application\",outcome=\"verified\",reason=\"NONE\"")
                || all.lines().anyMatch(l -> l.startsWith("attestation_outcomes_total{") && l.contains("outcome=\"verified\"")),
                "the platform attests itself at start");
        assertTrue(all.lines().anyMatch(l -> l.startsWith("attestation_outcomes_total{") && l.contains("outcome=\"refused\"")
                && l.contains("reason=\"MALFORMED_EVIDENCE\"")), all.lines().filter(l -> l.contains("attestation")).toList().toString());
    }

    @Test
    void redisErrorsAreCounted() throws Exception {
        long pid = ItServer.redisPid();
        RedisOutageIT.signal("STOP", pid);
        try {
            assertEquals(503, get("/score/anyone", ItServer.clerkAuth()).statusCode());
        } finally {
            RedisOutageIT.signal("CONT", pid);
        }

        assertTrue(metrics().lines().anyMatch(l -> l.startsWith("patients_redis_errors_total{") && l.contains("kind=\"connection\"")));
    }

    @Test
    void inferenceLatencyAndQueueDepthAreOnTheProvider() throws Exception {
        assertEquals(200, DelineateIT.upload("img", "s.png", "image/png", DelineateIT.sampleSlice(), ItServer.clerkAuth())
                .statusCode());

        String provider = providerMetrics();

        assertTrue(provider.lines().anyMatch(l -> l.startsWith("inference_duration_seconds_count{")
                && l.contains("model=\"flair-threshold\"")), provider);
        assertTrue(provider.lines().anyMatch(l -> l.startsWith("inference_duration_seconds_bucket{")), "a histogram");
        assertTrue(provider.lines().anyMatch(l -> l.startsWith("inference_queue_depth{")));
    }
}
