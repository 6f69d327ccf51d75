package bench.care.enclave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark, end to end (run by {@code ./mvnw -Pbench verify}): JMH micro-benchmarks, then fresh
 * platform and provider servers under wrk load, a JFR profile of the encrypted write, and the report and
 * plot in target/bench/. {@code bench.only=jmh,http,profile,delineate} runs a part.
 */
public final class BenchRun {

    private BenchRun() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Files.createDirectories(config.out());
        Files.deleteIfExists(config.out().resolve("wrk.log"));
        Results results = new Results();
        Instant start = Instant.now();
        describeMachine(results, config, start);
        if (config.runs("jmh")) {
            results.micros.addAll(new MicroBenchmarks(config).run());
        }
        if (config.runs("http") || config.runs("profile") || config.runs("delineate")) {
            Wrk.ensureInstalled();
            results.machine.put("Load generator", Wrk.version() + ", one thread, on the same machine");
            try (BenchServers servers = new BenchServers(config)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(servers)));
                servers.start();
                load(config, servers, results);
                results.memory.put("platform (Liberty)", memory(servers.platformPid()));
                results.memory.put("embedded redis-server", memory(servers.redisPid()));
                results.memory.put("provider (Liberty + ONNX Runtime)", memory(servers.providerPid()));
            }
        }
        Instant end = Instant.now();
        results.machine.put("Finished", end.truncatedTo(ChronoUnit.SECONDS) + " (" + Duration.between(start, end).toMinutes()
                + " min); load average at the end " + Proc.loadAverage());
        Report.write(results, config, config.out().resolve("report.md"));
        if (!results.http.isEmpty()) {
            Plot.write(results.http, "Enclave Care over TLS, " + start.truncatedTo(ChronoUnit.MINUTES)
                    + (config.quick() ? " (QUICK RUN: figures mean nothing)" : ""), config.out().resolve("report.png"));
        }
        System.out.println("[bench] report: " + config.out().resolve("report.md"));
    }

    private static void load(BenchConfig config, BenchServers servers, Results results) throws Exception {
        HttpLoad http = new HttpLoad(config, servers);
        Map<String, Long> api = HttpLoad.processes(servers, false);
        List<Scenario> scenarios = http.apiScenarios();
        scenarios.forEach(s -> results.scenarioDescriptions.put(s.name(), s.description()));
        if (config.runs("http") || config.runs("profile")) {
            http.seedPatients();
        }
        if (config.runs("http")) {
            for (Scenario scenario : scenarios.stream().filter(s -> config.runsScenario(s.name())).toList()) {
                results.http.addAll(http.run(scenario, api));
            }
        }
        if (config.runs("profile")) {
            for (String name : config.profiled()) {
                Scenario scenario = scenarios.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
                Path jfr = config.out().resolve(name + "-64.jfr");
                int seconds = Math.min(20, config.durationSeconds());
                http.drive(scenario, 64, config.warmupSeconds());
                CpuProfile.record(servers.platformPid(), jfr, () -> http.drive(scenario, 64, seconds));
                results.profiles.add(CpuProfile.analyse("`" + name + "` at 64 connections, " + seconds + " s", jfr));
            }
        }
        if (config.runs("delineate")) {
            Scenario delineate = http.delineateScenario();
            results.scenarioDescriptions.put(delineate.name(), delineate.description());
            // A delineation takes a second or more on a busy machine: at least 15 s for a few answers.
            results.http.addAll(http.run(delineate, HttpLoad.processes(servers, true),
                    Math.max(config.durationSeconds(), 15)));
        }
    }

    private static void describeMachine(Results results, BenchConfig config, Instant start) {
        Map<String, String> m = results.machine;
        m.put("Started", start.truncatedTo(ChronoUnit.SECONDS) + "; load average " + Proc.loadAverage()
                + " (other work on the machine shows here and in the *machine busy* column)");
        m.put("Machine", Runtime.getRuntime().availableProcessors() + " cores, " + Proc.cpuModel() + ", "
                + Proc.memoryTotalKb() / 1024 / 1024 + " GiB, Linux " + Proc.kernel());
        m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (servers and benchmarks)");
        boolean changed = !git("status", "--porcelain").isBlank();
        m.put("Commit", git("rev-parse", "--short", "HEAD") + (changed ? " (with local changes)" : ""));
        m.put("Settings", String.format(Locale.ROOT, "HTTP %d s warm-up + %d s measured per scenario and connection count;"
                + " quick=%s; server JVM options: %s", config.warmupSeconds(), config.durationSeconds(), config.quick(),
                config.serverJvm().isEmpty() ? "(defaults)" : String.join(" ", config.serverJvm())));
        m.put("Payloads", payloads());
        m.put("Command", "./mvnw -Pbench verify" + (config.quick() ? " -Dbench.quick=true" : ""));
    }

    private static String payloads() {
        try {
            int record = care.enclave.patients.control.BenchPatients.recordJson(
                    care.enclave.patients.control.BenchPatients.patient("bench-record-1")).length;
            return String.format(Locale.ROOT, "a patient record is %d bytes of JSON (sealed: %d bytes); the model input "
                    + "sent to the provider is a %.2f MB binary inference request before HPKE sealing", record, record + 7 + 12 + 16,
                    SealedExchangeBenchmark.requestBytes() / 1e6);
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    private static long[] memory(long pid) {
        return new long[]{Proc.rssKb(pid), Proc.peakRssKb(pid)};
    }

    private static void stopQuietly(BenchServers servers) {
        try {
            servers.close();
        } catch (Exception e) {
            System.err.println("[bench] could not stop the servers: " + e);
        }
    }

    private static String git(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
