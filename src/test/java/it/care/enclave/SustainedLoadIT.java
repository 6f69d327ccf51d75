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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static it.care.enclave.Http.FORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A steady, bounded load (half admissions, the rest reads of records and scores) from eight kept-alive
 * clients for {@code resilience.sustained.seconds} (60 by default; 600 for the long run, see README
 * "Resilience") at {@code resilience.sustained.rate} requests per second (50 by default): not one error, and
 * the platform's memory stays flat. Memory is sampled at regular points: resident set ({@code /proc}) and heap right after a full GC
 * ({@code jcmd}), every 5 s or twentieth of the run; see {@link #assertFlat} for what "flat" means.
 */
class SustainedLoadIT {

    private static final int CLIENTS = 8;

    /** One memory sample of the platform JVM. */
    private record Sample(long atSeconds, long heapAfterGcKib, long rssKib, long threads) {
    }

    @Test
    void aSteadyLoadRunsWithoutErrorAndWithFlatMemory() throws Exception {
        int seconds = Integer.parseInt(System.getProperty("resilience.sustained.seconds", "60").strip());
        int rate = Integer.parseInt(System.getProperty("resilience.sustained.rate", "50").strip());
        String auth = ItServer.clerkAuth();
        // Every id holds this run's marker: the leak scan looks for the marker, which any leaked id would show.
        String marker = "sus" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ItTrail.patientValues(List.of(marker));
        long pid = ServerProcess.platformPid();
        List<String> created = new CopyOnWriteArrayList<>();
        created.add(seedPatient(marker, auth));
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Sample> samples = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> samples.add(sample(pid, start)), 0, Math.max(5, seconds / 20), TimeUnit.SECONDS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> client(client, start, seconds, rate, marker, auth, created, outcomes)));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
            sampler.shutdown();
        }
        assertTrue(sampler.awaitTermination(120, TimeUnit.SECONDS));
        samples.add(sample(pid, start));
        report(seconds, rate, outcomes, samples, Duration.ofNanos(System.nanoTime() - start));

        Map<String, AtomicInteger> errors = new TreeMap<>(outcomes);
        errors.keySet().removeIf(k -> k.startsWith("2"));
        assertEquals(Map.of(), errors, "no errors");
        assertFlat(samples, seconds);
    }

    /**
     * One of {@link #CLIENTS} kept-alive clients, each sending every {@code CLIENTS}-th request of the schedule:
     * together the configured rate while the server keeps up, and never more than one request each in flight.
     */
    private static void client(int client, long start, int seconds, int rate, String marker, String auth,
                               List<String> created, Map<String, AtomicInteger> outcomes) {
        long period = 1_000_000_000L / rate;
        for (long n = client; n * period < seconds * 1_000_000_000L; n += CLIENTS) {
            long wait = start + n * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String outcome;
            try {
                outcome = send(n, marker, auth, created);
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
            }
            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static String seedPatient(String marker, String auth) {
        String id = marker + "_seed";
        assertEquals(201, Http.post("/patient/" + id, FORM, Http.seedForm(marker), auth).statusCode());
        return id;
    }

    /** Half admissions; the rest reads of a random earlier record or its score. */
    private static String send(long n, String marker, String auth, List<String> created) throws Exception {
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
        request.header("Authorization", auth).timeout(Duration.ofSeconds(30));
        HttpResponse<String> response = ItServer.sharedClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            created.add(id);
        }
        return response.statusCode() + (n % 2 == 0 ? " POST" : " GET");
    }

    private static Sample sample(long pid, long start) {
        long heap = ServerProcess.heapAfterGcKib(pid);
        return new Sample((System.nanoTime() - start) / 1_000_000_000L, heap, ServerProcess.rssKib(pid),
                ServerProcess.threads(pid));
    }

    /**
     * The first quarter is warm-up (JIT, pools, caches filling). Heap after a full GC still includes the requests
     * in flight, so each window is judged by its floor: the least the application retained. The floor of the
     * last quarter (with a last sample after the load stopped) may exceed the floor of the second quarter by
     * at most a quarter or 24 MiB; resident memory by at most 30 %.
     */
    private static void assertFlat(List<Sample> samples, int seconds) {
        List<Sample> early = samples.stream().filter(s -> s.atSeconds() >= seconds / 4 && s.atSeconds() <= seconds / 2).toList();
        List<Sample> late = samples.stream().filter(s -> s.atSeconds() >= seconds * 3 / 4).toList();
        assertTrue(!early.isEmpty() && !late.isEmpty(), samples.toString());
        long earlyHeap = early.stream().mapToLong(Sample::heapAfterGcKib).min().orElseThrow();
        long lateHeap = late.stream().mapToLong(Sample::heapAfterGcKib).min().orElseThrow();
        long earlyRss = early.stream().mapToLong(Sample::rssKib).max().orElseThrow();
        long lateRss = late.stream().mapToLong(Sample::rssKib).min().orElseThrow();
        System.out.printf("  heap floor %d KiB (second quarter) -> %d KiB (last quarter); RSS %d KiB -> %d KiB%n",
                earlyHeap, lateHeap, earlyRss, lateRss);
        assertTrue(lateHeap <= earlyHeap + Math.max(earlyHeap / 4, 24 * 1024),
                "heap after GC grew from " + earlyHeap + " KiB to " + lateHeap + " KiB");
        assertTrue(lateRss <= earlyRss * 13 / 10, "resident memory grew from " + earlyRss + " KiB to " + lateRss + " KiB");
    }

    private static void report(int seconds, int rate, Map<String, AtomicInteger> outcomes, List<Sample> samples,
                               Duration took) {
        long sent = outcomes.values().stream().mapToLong(AtomicInteger::get).sum();
        System.out.printf("Sustained load: %d s at %d requests/s by %d clients: %d requests in %d s (%.1f/s): %s%n",
                seconds, rate, CLIENTS, sent, took.toSeconds(), sent * 1e9 / took.toNanos(), new TreeMap<>(outcomes));
        for (Sample s : samples) {
            System.out.printf("  t=%4d s  heap after GC %7d KiB  RSS %8d KiB  threads %4d%n",
                    s.atSeconds(), s.heapAfterGcKib(), s.rssKib(), s.threads());
        }
    }
}
