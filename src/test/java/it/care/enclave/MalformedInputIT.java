package it.care.enclave;

import it.care.enclave.Endpoints.Endpoint;
import it.care.enclave.Endpoints.Server;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * At least a thousand generated malformed requests (seeded: the seed is printed, and
 * {@code -Dresilience.fuzz.seed=N} replays a run) against every endpoint of both servers, each malformation
 * applied to every endpoint at least once: no 5xx, no stack trace or server internals in any response,
 * every application 4xx a problem document, and both servers answer normally afterwards. The one 5xx allowed
 * is Liberty's bodiless 505 for a request line whose HTTP version is not HTTP/1.x, as RFC 9110 prescribes.
 */
class MalformedInputIT {

    private static final List<String> INTERNALS = List.of("at care.", "\tat ", "Exception", "java.", "javax.",
            "jakarta.", "com.ibm.", "org.apache.", "SRVE", "CWWK", "Caused by");
    private static final int THREADS = 4;
    /** A hang is no answer within a minute (a real delineation on a loaded machine takes seconds). */
    private static final int ANSWER_BOUND_MILLIS = 60_000;
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> RETRIED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** What one malformed request got back. */
    private record Outcome(FuzzRequest request, int status, String contentType, String body, boolean timedOut, boolean raw) {
    }

    @Test
    void malformedRequestsToEveryEndpointGetNo5xxNoInternalsAndLeaveTheServersHealthy() throws Exception {
        long seed = seed();
        System.out.println("MalformedInputIT seed " + seed + " (replay with -Dresilience.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        FuzzBases bases = new FuzzBases();
        String auth = ItServer.clerkAuth();
        String known = "fuzzed_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = Http.post("/patient/" + known, FORM, Http.seedForm(""), auth);
        assertEquals(201, created.statusCode());
        List<Endpoint> endpoints = Endpoints.all();
        assertTrue(endpoints.contains(new Endpoint(Server.PLATFORM, "POST", "patient/{id}"))
                && endpoints.contains(new Endpoint(Server.PROVIDER, "POST", "inference/v2/models/{name}/infer")), endpoints.toString());
        List<FuzzRequest> requests = generate(random, bases, endpoints);
        List<Outcome> outcomes;
        long start = System.nanoTime();
        try {
            outcomes = sendAll(requests);
        } finally {
            restorePolicy(bases);
        }
        report(outcomes, endpoints, Duration.ofNanos(System.nanoTime() - start));

        assertEquals(List.of(), violations(outcomes), "seed " + seed);
        assertTrue(outcomes.size() >= 1000);
        assertEquals(Http.json(created), Http.json(Http.get("/patient/" + known, auth)), "the platform answers normally");
        assertEquals(201, Http.post("/patient/" + known + "_after", FORM, Http.seedForm(""), auth).statusCode());
        assertEquals(200, ProviderIT.provider(HttpRequest.newBuilder(ProviderIT.providerUri("/inference/v2/health/ready")))
                .statusCode(), "the provider answers normally");
    }

    private static long seed() {
        String configured = System.getProperty("resilience.fuzz.seed", "");
        return configured.isBlank() ? new java.security.SecureRandom().nextLong() : Long.parseLong(configured.strip());
    }

    /** Every malformation on every endpoint once, then random pairs up to the configured count. */
    private static List<FuzzRequest> generate(Random random, FuzzBases bases, List<Endpoint> endpoints) throws Exception {
        FuzzCases cases = new FuzzCases(random, ForgedTokens.make(random, bases.ownToken));
        List<FuzzRequest> requests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String category : cases.categories()) {
                requests.add(cases.apply(category, bases.base(endpoint, random)));
            }
        }
        int total = Integer.parseInt(System.getProperty("resilience.fuzz.requests", "1200").strip());
        while (requests.size() < total) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String category = cases.categories().get(random.nextInt(cases.categories().size()));
            requests.add(cases.apply(category, bases.base(endpoint, random)));
        }
        return requests;
    }

    private static List<Outcome> sendAll(List<FuzzRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Outcome>> sent = new ArrayList<>();
            for (FuzzRequest request : requests) {
                sent.add(pool.submit(() -> send(request)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : sent) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Through java.net.http where it will send the request; byte by byte over TLS where it refuses. */
    private static Outcome send(FuzzRequest request) throws Exception {
        int port = Integer.parseInt(System.getProperty(request.endpoint().server() == Server.PLATFORM
                ? "it.https.port" : "it.provider.https.port"));
        Outcome outcome = null;
        if (request.wire() == null) {
            try {
                outcome = viaClient(request, port);
            } catch (java.io.IOException closed) {
                // A pooled connection the server had closed, or a refusal by closing: the same request on a
                // connection of its own tells which (no answer there is judged below).
                RETRIED.computeIfAbsent(request.category(), k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
            }
        }
        if (outcome == null) {
            // A body announced but never sent keeps a correct server waiting: those are not waited out.
            int bound = request.category().equals("bad-framing") ? 10_000 : ANSWER_BOUND_MILLIS;
            RawHttp.Answer answer = RawHttp.exchange(port, request.toWire(port), bound);
            outcome = new Outcome(request, answer.status(), answer.header("Content-Type"), answer.bodyText(),
                    answer.timedOut(), true);
        }
        if (outcome.status() >= 400) {
            ItTrail.errorResponse(outcome.status(), outcome.body());
        }
        return outcome;
    }

    private static Outcome viaClient(FuzzRequest request, int port) throws Exception {
        HttpRequest built;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://localhost:" + port + request.target()))
                    .timeout(Duration.ofMillis(ANSWER_BOUND_MILLIS))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(h -> builder.header(h[0], h[1]));
            built = builder.build();
        } catch (IllegalArgumentException refusedByTheClient) {
            return null;
        }
        HttpResponse<byte[]> response = ItServer.sharedClient().send(built, HttpResponse.BodyHandlers.ofByteArray());
        return new Outcome(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8), false, false);
    }

    private static List<String> violations(List<Outcome> outcomes) {
        List<String> violations = new ArrayList<>();
        for (Outcome o : outcomes) {
            boolean transport = FuzzCases.TRANSPORT.contains(o.request().category());
            String internals = INTERNALS.stream().filter(o.body()::contains).findFirst().orElse(null);
            if (o.status() == 505 && transport && o.raw() && o.body().isEmpty()) {
                continue;
            } else if (o.status() >= 500) {
                violations.add(o.status() + " for " + o.request() + ": " + excerpt(o.body()));
            } else if (internals != null) {
                violations.add("\"" + internals + "\" in the answer to " + o.request() + ": " + excerpt(o.body()));
            } else if (o.timedOut() && !o.request().category().equals("bad-framing")) {
                violations.add("no answer in time to " + o.request());
            } else if (o.status() == 0 && !transport) {
                violations.add("connection closed without an answer to " + o.request());
            } else if (o.status() >= 400 && !o.body().isEmpty() && !transport
                    && !o.contentType().startsWith("application/problem+json")) {
                violations.add(o.status() + " " + o.contentType() + " (not problem JSON) for " + o.request() + ": " + excerpt(o.body()));
            }
        }
        return violations.size() > 25 ? violations.subList(0, 25) : violations;
    }

    private static void restorePolicy(FuzzBases bases) {
        HttpResponse<String> restored = Http.send(HttpRequest.newBuilder(ItServer.https("/policies/SgxEnclave"))
                .header("Content-Type", Http.JSON).header("Authorization", bases.operator)
                .PUT(HttpRequest.BodyPublishers.ofString(bases.policy)).build());
        assertEquals(200, restored.statusCode(), restored.body());
    }

    private static void report(List<Outcome> outcomes, List<Endpoint> endpoints, Duration took) {
        System.out.printf("MalformedInputIT: %d requests (%d byte by byte) to %d endpoints in %d s%n", outcomes.size(),
                outcomes.stream().filter(Outcome::raw).count(), endpoints.size(), took.toSeconds());
        System.out.println("  by status: " + count(outcomes, o -> String.valueOf(o.status())));
        System.out.println("  by malformation: " + count(outcomes, o -> o.request().category()));
        System.out.println("  by endpoint: " + count(outcomes, o -> o.request().endpoint().toString()));
        Map<String, Long> pages = count(outcomes.stream().filter(o -> o.status() >= 400 && !o.body().isEmpty()
                && !o.contentType().startsWith("application/problem+json")).toList(),
                o -> o.status() + " " + o.contentType() + " " + excerpt(o.body()));
        System.out.println("  transport-level answers that are not problem JSON: " + pages);
        System.out.println("  kept-alive connections closed under a request (resent on its own): " + RETRIED);
        System.out.println("  closed without an answer: " + count(outcomes.stream().filter(o -> o.status() == 0).toList(),
                o -> o.request().category() + (o.timedOut() ? " (timed out)" : "")));
    }

    private static Map<String, Long> count(List<Outcome> outcomes, java.util.function.Function<Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
