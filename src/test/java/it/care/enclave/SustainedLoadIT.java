package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static it.care.enclave.Http.FORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A steady, bounded load (half admissions, the rest reads of records and scores) for
 * {@code resilience.sustained.seconds} (60 by default; 600 for the long run, see README "Resilience") at
 * {@code resilience.sustained.rate} requests per second: not one error, and the platform's memory stays
 * flat. Memory is sampled at regular points: resident set ({@code /proc}) and heap right after a full GC
 * ({@code jcmd}); after a warm-up, the last heap sample may exceed the first by at most a quarter or
 * 24 MiB, whichever is larger.
 */
class SustainedLoadIT {

    private static final int MAX_IN_FLIGHT = 64;
    private static final int SAMPLES = 7;

    /** One memory sample of the platform JVM. */
    private record Sample(long atSeconds, long heapAfterGcKib, long rssKib, long threads) {
    }

    @Test
    void aSteadyLoadRunsWithoutErrorAndWithFlatMemory() throws Exception {
        int seconds = Integer.parseInt(System.getProperty("resilience.sustained.seconds", "60").strip());
        int rate = Integer.parseInt(System.getProperty("resilience.sustained.rate", "100").strip());
        String auth = ItServer.clerkAuth();
        // Every id holds this run's marker: the leak scan looks for the marker, which any leaked id would show.
        String marker = "sus" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ItTrail.patientValues(List.of(marker));
        long pid = ServerProcess.platformPid();
        List<String> created = new CopyOnWriteArrayList<>();
        created.add(seedPatient(marker, auth));
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.add(sample(pid, start)), 0, seconds * 1000L / (SAMPLES - 1),
                TimeUnit.MILLISECONDS);
        for (long n = 0; ; n++) {
            long due = start + n * periodNanos;
            if (due - start >= seconds * 1_000_000_000L) {
                break;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            if (!inFlight.tryAcquire()) {
                outcomes.computeIfAbsent("client backlog over " + MAX_IN_FLIGHT, k -> new AtomicInteger()).incrementAndGet();
                continue;
            }
            send(n, marker, auth, created).whenComplete((outcome, failure) -> {
                inFlight.release();
                outcomes.computeIfAbsent(failure == null ? outcome : failure.getClass().getSimpleName(),
                        k -> new AtomicInteger()).incrementAndGet();
            });
        }
        sampler.shutdown();
        assertTrue(sampler.awaitTermination(120, TimeUnit.SECONDS));
        assertTrue(inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS), "every request answered");
        samples.add(sample(pid, start));
        report(seconds, rate, outcomes, samples);

        Map<String, AtomicInteger> errors = new TreeMap<>(outcomes);
        errors.keySet().removeIf(k -> k.startsWith("2"));
        assertEquals(Map.of(), errors, "no errors");
        assertFlat(samples);
    }

    private static String seedPatient(String marker, String auth) {
        String id = marker + "_seed";
        assertEquals(201, Http.post("/patient/" + id, FORM, Http.seedForm(marker), auth).statusCode());
        return id;
    }

    /** Half admissions; the rest reads of a random earlier record or its score. */
    private static CompletableFuture<String> send(long n, String marker, String auth, List<String> created) {
        HttpRequest.Builder request;
        String id;
        if (n % 2 == 0) {
            id = marker + "_" + n;
            request = HttpRequest.newBuilder(ItServer.https("/patient/" + id)).header("Content-Type", FORM)
                    .POST(HttpRequest.BodyPublishers.ofString(Http.seedForm(marker)));
        } else {
            id = created.get((int) (n * 7919 % created.size()));
            request = HttpRequest.newBuilder(ItServer.https((n % 4 == 1 ? "/patient/" : "/score/") + id));
        }
        request.header("Authorization", auth).timeout(Duration.ofSeconds(10));
        return ItServer.sharedClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    if (response.statusCode() == 201) {
                        created.add(id);
                    }
                    return response.statusCode() + (n % 2 == 0 ? " POST" : " GET");
                });
    }

    private static Sample sample(long pid, long start) {
        long heap = ServerProcess.heapAfterGcKib(pid);
        return new Sample((System.nanoTime() - start) / 1_000_000_000L, heap, ServerProcess.rssKib(pid),
                ServerProcess.threads(pid));
    }

    /** The first samples are warm-up (JIT, pools, caches filling); from then on the heap may not trend upwards. */
    private static void assertFlat(List<Sample> samples) {
        Sample first = samples.get(SAMPLES / 3);
        Sample last = samples.get(samples.size() - 1);
        long allowed = Math.max(first.heapAfterGcKib() / 4, 24 * 1024);
        assertTrue(last.heapAfterGcKib() <= first.heapAfterGcKib() + allowed,
                "heap after GC grew from " + first.heapAfterGcKib() + " KiB to " + last.heapAfterGcKib() + " KiB");
    }

    private static void report(int seconds, int rate, Map<String, AtomicInteger> outcomes, List<Sample> samples) {
        System.out.printf("Sustained load: %d s at %d requests/s: %s%n", seconds, rate, new TreeMap<>(outcomes));
        for (Sample s : samples) {
            System.out.printf("  t=%4d s  heap after GC %7d KiB  RSS %8d KiB  threads %4d%n",
                    s.atSeconds(), s.heapAfterGcKib(), s.rssKib(), s.threads());
        }
    }
}
