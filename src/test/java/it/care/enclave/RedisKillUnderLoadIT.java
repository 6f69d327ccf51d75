package it.care.enclave;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis is SIGKILLed while eight clients write patients as fast as they can: every write answered 201 is
 * read back afterwards with the same content, writes during the outage are 503 with Retry-After (never a
 * 500 or a hang), and the platform recovers by itself once its supervisor has restarted Redis. This holds
 * because the embedded Redis fsyncs its append-only file before it replies ({@code appendfsync always}).
 */
class RedisKillUnderLoadIT {

    private static final int WRITERS = 8;
    private static final Duration KILL_AFTER = Duration.ofSeconds(6);
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);

    /** One answered write: what was sent and what came back, and when. */
    private record Answer(String id, int status, String body, boolean retryAfter, long atNanos, long tookNanos) {
    }

    @Test
    void acknowledgedWritesSurviveASigkilledRedisAndTheOutageIs503WithRetryAfter() throws Exception {
        try (RedisClient redis = RedisContents.connect()) {
            assertEquals("always", redis.configGet("appendfsync").get("appendfsync"));
        }
        String prefix = "rkill_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        String auth = ItServer.clerkAuth();
        long start = System.nanoTime();
        List<Answer> answers = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicLong killedAt = new AtomicLong();
        long redisPid = ItServer.redisPid();
        try {
            List<Future<List<Answer>>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String writer = prefix + w + "_";
                running.add(writers.submit(() -> write(writer, auth, start, failures)));
            }
            Thread.sleep(KILL_AFTER.toMillis());
            killedAt.set(System.nanoTime());
            new ProcessBuilder("kill", "-KILL", String.valueOf(redisPid)).inheritIO().start().waitFor();
            for (Future<List<Answer>> writer : running) {
                answers.addAll(writer.get());
            }
        } finally {
            writers.shutdownNow();
        }
        report(answers, killedAt.get() - start);

        assertEquals(List.of(), failures, "every request was answered within " + CLIENT_TIMEOUT);
        assertNotEquals(redisPid, ItServer.redisPid(), "Redis was killed and restarted");
        assertTrue(answers.stream().allMatch(a -> a.status() == 201 || a.status() == 503), statuses(answers).toString());
        assertTrue(answers.stream().filter(a -> a.status() == 503).allMatch(Answer::retryAfter), "every 503 has Retry-After");
        assertTrue(answers.stream().anyMatch(a -> a.status() == 503), "the kill was felt: " + statuses(answers));
        long recoveredBy = killedAt.get() - start + RECOVERY_BOUND.toNanos();
        assertTrue(answers.stream().filter(a -> a.atNanos() > recoveredBy).allMatch(a -> a.status() == 201),
                "every request sent from " + RECOVERY_BOUND + " after the kill on succeeds");
        assertEverything201dReadsBackUnchanged(answers, auth);
    }

    private static List<Answer> write(String writer, String auth, long start, List<String> failures) {
        List<Answer> answers = new ArrayList<>();
        for (int n = 0; System.nanoTime() - start < RUN.toNanos(); n++) {
            String id = writer + n;
            String body = Http.seedForm("W" + writer + n);
            ItTrail.patientRequest("/patient/" + id, body);
            HttpRequest request = HttpRequest.newBuilder(ItServer.https("/patient/" + id)).timeout(CLIENT_TIMEOUT)
                    .header("Content-Type", FORM).header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            try {
                HttpResponse<String> response = ItServer.sharedClient().send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(id, response.statusCode(), response.body(),
                        response.headers().firstValue("Retry-After").isPresent(), sent - start, System.nanoTime() - sent));
                if (response.statusCode() >= 400) {
                    ItTrail.errorResponse(response.statusCode(), response.body());
                }
            } catch (Exception e) {
                synchronized (failures) {
                    failures.add(id + ": " + e);
                }
            }
        }
        return answers;
    }

    private static void assertEverything201dReadsBackUnchanged(List<Answer> answers, String auth) {
        Map<Integer, Integer> unanswered = new java.util.TreeMap<>();
        int created = 0;
        for (Answer answer : answers) {
            HttpResponse<String> read = Http.getKeptAlive("/patient/" + answer.id(), auth);
            if (answer.status() == 201) {
                created++;
                assertEquals(200, read.statusCode(), answer.id() + " was acknowledged, then lost");
                assertEquals(json(answer.body()), json(read.body()), answer.id());
            } else {
                // A write refused with 503 may or may not have reached Redis; it is never half-written.
                assertTrue(read.statusCode() == 404 || read.statusCode() == 200, read.statusCode() + " " + read.body());
                unanswered.merge(read.statusCode(), 1, Integer::sum);
            }
        }
        System.out.printf("Redis SIGKILL: %d acknowledged writes read back unchanged; 503'd writes on reading: %s%n",
                created, unanswered);
    }

    private static Map<Integer, Long> statuses(List<Answer> answers) {
        return answers.stream().collect(java.util.stream.Collectors.groupingBy(Answer::status,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static void report(List<Answer> answers, long killedAt) {
        long slowest = answers.stream().mapToLong(Answer::tookNanos).max().orElse(0);
        List<Long> outage = answers.stream().filter(a -> a.status() == 503).map(Answer::atNanos).toList();
        System.out.printf("Redis SIGKILL at %.1f s under %d writers: %d requests %s, slowest %d ms, 503s from %.2f s to %.2f s%n",
                killedAt / 1e9, WRITERS, answers.size(), statuses(answers), slowest / 1_000_000,
                outage.stream().mapToLong(Long::longValue).min().orElse(0) / 1e9,
                outage.stream().mapToLong(Long::longValue).max().orElse(0) / 1e9);
    }
}
