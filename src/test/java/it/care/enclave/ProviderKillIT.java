package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static it.care.enclave.Http.FORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider's JVM is SIGKILLed while three hospitals delineate in a loop: every call is answered in
 * bounded time with 200 or a 503 problem (never a 500 or a hang), no platform thread is left inside
 * diagnostics, the rest of the platform keeps working, and delineation works again once the provider is
 * restarted (its evidence attested anew).
 */
class ProviderKillIT {

    private static final int CALLERS = 3;
    /** Long enough for every caller to complete a delineation first (a few seconds each on a busy machine). */
    private static final Duration KILL_AFTER = Duration.ofSeconds(12);
    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(15);
    /** Beyond the platform's own provider timeouts (connect 3 s, read 60 s): a hang shows as a client timeout. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(90);

    /** One delineation call: its status, whether it was problem JSON with Retry-After, when, how long. */
    private record Call(int status, boolean problem, boolean retryAfter, long atNanos, long tookNanos, String detail) {
    }

    @Test
    void aKilledProviderGivesBounded503sLeavesNoStuckThreadAndServiceReturnsOnRestart() throws Exception {
        byte[] slice = DelineateIT.sampleSlice();
        String auth = ItServer.clerkAuth();
        long platform = ServerProcess.platformPid();
        assertEquals(200, delineate(slice, auth).statusCode(), "the provider is up before the kill");
        long threadsBefore = ServerProcess.threads(platform);
        long start = System.nanoTime();
        List<Call> calls = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<List<Call>>> running = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                running.add(callers.submit(() -> callInALoop(slice, auth, start)));
            }
            Thread.sleep(KILL_AFTER.toMillis());
            ServerProcess.kill(ServerProcess.providerPid());
            assertOtherEndpointsWork(auth);
            for (Future<List<Call>> caller : running) {
                calls.addAll(caller.get());
            }
        } finally {
            callers.shutdownNow();
        }
        Map<Integer, Long> statuses = calls.stream().collect(Collectors.groupingBy(Call::status, TreeMap::new,
                Collectors.counting()));
        long slowest = calls.stream().mapToLong(Call::tookNanos).max().orElse(0) / 1_000_000;
        System.out.printf("Provider SIGKILL at %d s under %d callers: %s, slowest %d ms; refusals: %s%n",
                KILL_AFTER.toSeconds(), CALLERS, statuses, slowest, calls.stream().filter(c -> c.status() != 200)
                        .collect(Collectors.groupingBy(c -> c.atNanos() + c.tookNanos() < KILL_AFTER.toNanos()
                                ? "answered before the kill: " + c.detail() : "after: " + c.detail(), TreeMap::new,
                                Collectors.counting())));

        assertTrue(calls.stream().allMatch(c -> c.status() == 200 || c.status() == 503), statuses.toString());
        assertTrue(calls.stream().filter(c -> c.status() == 503).allMatch(c -> c.problem() && c.retryAfter()));
        assertTrue(calls.stream().anyMatch(c -> c.status() == 200 && c.atNanos() + c.tookNanos() < KILL_AFTER.toNanos()),
                "concurrent delineations succeed before the kill: " + statuses);
        assertTrue(calls.stream().anyMatch(c -> c.status() == 503), "the kill was felt: " + statuses);
        assertTrue(slowest < ANSWER_BOUND.toMillis(), "slowest answer " + slowest + " ms");
        assertNoThreadStuckInDiagnostics(platform, threadsBefore);

        ProviderOutageIT.provider("start");
        ProviderOutageIT.awaitProviderUp();
        HttpResponse<String> back = delineate(slice, auth);
        assertEquals(200, back.statusCode(), back.body());
    }

    private static List<Call> callInALoop(byte[] slice, String auth, long start) {
        List<Call> calls = new ArrayList<>();
        while (System.nanoTime() - start < RUN.toNanos()) {
            long sent = System.nanoTime();
            HttpResponse<String> response = delineate(slice, auth);
            boolean problem = response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json");
            calls.add(new Call(response.statusCode(), problem, response.headers().firstValue("Retry-After").isPresent(),
                    sent - start, System.nanoTime() - sent, problem ? Http.json(response).getString("detail", "") : ""));
        }
        return calls;
    }

    private static HttpResponse<String> delineate(byte[] slice, String auth) {
        return DelineateIT.upload("/delineate", "img", "s.png", "image/png", slice, auth, CLIENT_TIMEOUT);
    }

    /** Patients and attestation do not depend on the provider: they answer as usual during its outage. */
    private static void assertOtherEndpointsWork(String auth) {
        String id = "pkill_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Http.post("/patient/" + id, FORM, Http.seedForm(""), auth).statusCode());
        assertEquals(200, Http.get("/score/" + id, auth).statusCode());
        assertEquals(200, Http.get("/attestation/evidence?nonce=pkill", null).statusCode());
    }

    /**
     * Every call has been answered, so no platform thread may still be inside diagnostics (waiting on the
     * dead provider), and the thread count has not grown with the failed calls.
     */
    private static void assertNoThreadStuckInDiagnostics(long platform, long threadsBefore) throws InterruptedException {
        Thread.sleep(2000);
        String dump = ServerProcess.threadDump(platform);
        List<String> stuck = List.of(dump.split("\n\n")).stream()
                .filter(t -> t.contains("care.enclave.diagnostics")).toList();
        assertEquals(List.of(), stuck);
        long threadsAfter = ServerProcess.threads(platform);
        System.out.printf("Platform threads: %d before the kill, %d after the outage%n", threadsBefore, threadsAfter);
        assertTrue(threadsAfter <= threadsBefore + 20, threadsBefore + " threads before, " + threadsAfter + " after");
    }
}
