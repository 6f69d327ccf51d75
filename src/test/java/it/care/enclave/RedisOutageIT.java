package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis failing under the running platform: a frozen Redis yields prompt 503s with Retry-After, a killed
 * one is restarted by the platform, and in neither case does a client see a 500 or lose an acknowledged write.
 */
class RedisOutageIT {

    static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    @Test
    void aFrozenRedisGivesPrompt503sAndServiceResumesWithoutARestart() throws Exception {
        String auth = ItServer.clerkAuth();
        String before = "outage_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, post("/patient/" + before, FORM, Http.seedForm(""), auth).statusCode());
        long pid = ItServer.redisPid();

        signal("STOP", pid);
        try {
            long start = System.nanoTime();
            HttpResponse<String> during = post("/patient/" + before + "_during", FORM, Http.seedForm(""), auth);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(503, during.statusCode(), during.body());
            assertEquals("2", during.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("application/problem+json", during.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(took.toSeconds() < 10, "answered in " + took);
        } finally {
            signal("CONT", pid);
        }

        assertEquals(200, get("/patient/" + before, auth).statusCode());
        assertEquals(201, post("/patient/" + before + "_after", FORM, Http.seedForm(""), auth).statusCode());
    }

    @Test
    void aKilledRedisIsRestartedAndAcknowledgedWritesSurvive() throws Exception {
        String auth = ItServer.clerkAuth();
        String prefix = "kill_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (post("/patient/" + prefix + i, FORM, Http.seedForm("" + i), auth).statusCode() == 201) {
                acknowledged.add(prefix + i);
            }
        }

        signal("KILL", ItServer.redisPid());

        List<Integer> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int i = 100;
        while (System.nanoTime() < deadline) {
            int status = post("/patient/" + prefix + i, FORM, Http.seedForm("" + i), auth).statusCode();
            statuses.add(status);
            if (status == 201) {
                acknowledged.add(prefix + i);
                break;
            }
            i++;
            Thread.sleep(100);
        }
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 503), statuses.toString());
        assertEquals(201, statuses.get(statuses.size() - 1), "service recovered by itself: " + statuses);
        for (String id : acknowledged) {
            assertEquals(200, get("/patient/" + id, auth).statusCode(), id);
        }
    }
}
