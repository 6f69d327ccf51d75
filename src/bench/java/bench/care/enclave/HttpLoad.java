package bench.care.enclave;

import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The HTTP scenarios against the running servers, over TLS on loopback. Each scenario adds one layer to the
 * one before it, so the differences say where time goes: the HTTP stack (a public in-memory document),
 * authentication, one Redis read, decryption, and the full encrypted write.
 */
final class HttpLoad {

    /** The seed's form, as its curl example sends it. */
    static final String PATIENT_FORM = "fname=Jane&lname=Doe&address='123 Main Street'&city=Richmond&state=Washington"
            + "&ssn=123-223-2345&email=nr@aaa.com&dob=01/01/2010&contactphone=123-234-3456"
            + "&drugallergies='Sulpha, Penicillin, Tree Nut'&preexistingconditions='diabetes, hypertension, asthma'"
            + "&dateadmitted=01/05/2010&insurancedetails='Primera Blue Cross'";
    static final int SEEDED = 2000;
    private static final String BOUNDARY = "bench-boundary-7c1d";

    /** One measured run: the scenario, its connections, what wrk saw and what the processes used. */
    record Run(Scenario scenario, int connections, Wrk.Result result, ResourceWindow.Usage usage) {

        long errors() {
            return result.unexpected(scenario.expectedStatus());
        }
    }

    private final BenchConfig config;
    private final BenchServers servers;
    private final HttpClient client;
    private final String auth;
    private final Path log;

    HttpLoad(BenchConfig config, BenchServers servers) {
        this.config = config;
        this.servers = servers;
        this.client = servers.client();
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("clerk:" + servers.clerkPassword())
                .getBytes(StandardCharsets.UTF_8));
        this.log = config.out().resolve("wrk.log");
    }

    /** The scenarios of the patient API and the attestation service, in the order they build on each other. */
    List<Scenario> apiScenarios() throws Exception {
        Path form = Files.writeString(config.out().resolve("patient.form"), PATIENT_FORM);
        return List.of(
                Scenario.get("noop", "HTTP stack only: TLS, Liberty, JAX-RS, a public JSON document built in memory",
                        "/.well-known/openid-configuration", false, 200),
                Scenario.get("noop-auth", "+ authentication: the same document with the clerk's Basic credentials",
                        "/.well-known/openid-configuration", true, 200),
                Scenario.get("get-404", "GET of an unknown patient (HMAC key, one Redis GET, 404 problem JSON); "
                        + "Liberty closes the connection after every 4xx/5xx but 401, so each request also pays a new "
                        + "TLS handshake",
                        "/patient/absent-", true, 404).withMode("existing", 1_000_000),
                Scenario.get("get", "+ one Redis round trip and decryption: GET of an existing patient (HMAC key, "
                        + "GET, AES-GCM open, JSON)",
                        "/patient/seed-", true, 200).withMode("existing", SEEDED),
                Scenario.get("post", "the encrypted write: POST of a new patient (form, validation, score, "
                        + "JSON, AES-GCM seal, SET NX)", "/patient/", true, 201)
                        .withMode("unique", 0).posting(form, "application/x-www-form-urlencoded"),
                Scenario.get("attest", "POST /attest/SgxEnclave with the platform's own (simulated) SGX evidence: "
                        + "quote verification, policy, RS256 token", "/attest/SgxEnclave?api-version=2022-08-01",
                        false, 200).posting(attestBody(), "application/json"));
    }

    Scenario delineateScenario() throws IOException {
        return Scenario.get("delineate", "POST /delineate of the real slice: provider evidence attested, HPKE-sealed "
                        + "request, U-Net on the provider's server, outline", "/delineate", true, 200)
                .posting(delineateBody(), "multipart/form-data; boundary=" + BOUNDARY).at(List.of(1, 2, 4));
    }

    /** Creates the patients that the GET scenario reads: seed-1 .. seed-2000. */
    void seedPatients() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 1; i <= SEEDED; i++) {
                String id = "seed-" + i;
                statuses.add(pool.submit(() -> send("POST", "/patient/" + id, PATIENT_FORM,
                        "application/x-www-form-urlencoded").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                if (status.get() != 201) {
                    throw new IllegalStateException("Seeding a patient answered " + status.get());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    List<Run> run(Scenario scenario, Map<String, Long> processes) throws Exception {
        return run(scenario, processes, config.durationSeconds());
    }

    List<Run> run(Scenario scenario, Map<String, Long> processes, int seconds) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int connections : scenario.connections()) {
            if (config.warmupSeconds() > 0) {
                Wrk.run(servers.baseUrl(), environment(scenario, "w" + connections), connections,
                        config.warmupSeconds(), null, log);
            }
            ResourceWindow window = new ResourceWindow(processes);
            Wrk.Result result = Wrk.run(servers.baseUrl(), environment(scenario, "m" + connections), connections,
                    seconds, window, log);
            Run run = new Run(scenario, connections, result, window.finish());
            System.out.printf("[bench] %-10s c=%-3d %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d  server CPU %.0f%%%n",
                    scenario.name(), connections, result.requestsPerSecond(), result.p50(), result.p99(),
                    run.errors(), run.usage().cpuPercent().getOrDefault("platform", 0.0));
            runs.add(run);
        }
        return runs;
    }

    /** Runs one scenario at one connection count for {@code seconds}, unmeasured (for the profiler). */
    void drive(Scenario scenario, int connections, int seconds) throws Exception {
        Wrk.run(servers.baseUrl(), environment(scenario, "prof"), connections, seconds, null, log);
    }

    Map<String, String> environment(Scenario scenario, String phase) {
        Map<String, String> env = new HashMap<>();
        env.put("METHOD", scenario.method());
        env.put("TARGET", scenario.target());
        env.put("MODE", scenario.mode());
        env.put("COUNT", Integer.toString(Math.max(1, scenario.count())));
        // Unique per run, so a write never meets an id an earlier run created.
        env.put("RUN", scenario.name() + "-" + phase + "-" + Long.toString(System.nanoTime(), 36));
        env.put("AUTH", scenario.authenticated() ? auth : "");
        env.put("BODY", scenario.body() == null ? "" : scenario.body().toAbsolutePath().toString());
        env.put("CONTENT_TYPE", scenario.contentType() == null ? "" : scenario.contentType());
        return env;
    }

    /** The platform's own evidence for a fixed nonce, as a client would submit it to the attestation service. */
    private Path attestBody() throws Exception {
        HttpResponse<String> evidence = send("GET", "/attestation/evidence?nonce=bench", null, null);
        if (evidence.statusCode() != 200) {
            throw new IllegalStateException("GET /attestation/evidence answered " + evidence.statusCode());
        }
        JsonObject json = JSON.createReader(new StringReader(evidence.body())).readObject();
        String body = JSON.createObjectBuilder().add("quote", json.getString("quote"))
                .add("runtimeData", JSON.createObjectBuilder().add("data", json.getString("runtimeData"))
                        .add("dataType", "JSON"))
                .add("nonce", "bench").build().toString();
        return Files.writeString(config.out().resolve("attest.json"), body);
    }

    private Path delineateBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"img\"; filename=\"slice.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(SampleSlice.png());
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return Files.write(config.out().resolve("delineate.body"), body.toByteArray());
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        // Bounded: a server that stops answering fails the run instead of hanging it.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(servers.baseUrl() + path))
                .timeout(java.time.Duration.ofSeconds(60)).header("Authorization", auth);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, Long> processes(BenchServers servers, boolean withProvider) {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("platform", servers.platformPid());
        processes.put("redis", servers.redisPid());
        if (withProvider) {
            processes.put("provider", servers.providerPid());
        }
        return processes;
    }
}
