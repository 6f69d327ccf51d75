package bench.care.enclave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk (Debian's package; installed with apt-get when missing) with src/bench/wrk/scenario.lua. wrk
 * keeps a fixed number of connections busy (a closed loop), so its latencies leave out the time a request
 * would have waited to be sent under a fixed arrival rate (coordinated omission; wrk2 corrects that but is
 * not packaged by Debian): read its p99 as the latency at the throughput reached, not at a chosen rate.
 */
final class Wrk {

    static final Path SCRIPT = Path.of("src/bench/wrk/scenario.lua");

    /** What wrk printed for one run. Latencies in milliseconds. */
    record Result(long requests, double seconds, double p50, double p90, double p99, double p999, double max,
                  double mean, long socketErrors, Map<Integer, Long> statuses) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        long unexpected(int expectedStatus) {
            return socketErrors + statuses.entrySet().stream().filter(e -> e.getKey() != expectedStatus)
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    private Wrk() {
    }

    static void ensureInstalled() throws IOException, InterruptedException {
        if (exitCode(List.of("sh", "-c", "command -v wrk")) == 0) {
            return;
        }
        System.out.println("[bench] wrk is missing: installing Debian's package");
        if (exitCode(List.of("sh", "-c", "apt-get install -y wrk || (apt-get update && apt-get install -y wrk)")) != 0) {
            throw new IllegalStateException(
                    "wrk is not installed and apt-get could not install it (run as root, or install wrk)");
        }
    }

    static String version() {
        try {
            Process process = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().findFirst().orElse("wrk").trim();
        } catch (IOException | InterruptedException e) {
            return "wrk";
        }
    }

    /**
     * One run of {@code seconds} at {@code connections} (one wrk thread: it leaves the server the other core),
     * watched by {@code window} so the wrk process's own CPU is reported too.
     */
    static Result run(String url, Map<String, String> environment, int connections, int seconds,
                      ResourceWindow window, Path log) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "30s",
                "-s", SCRIPT.toAbsolutePath().toString(), url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (window != null) {
            window.watch("wrk", process.pid());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        Files.writeString(log, String.join(" ", command) + "\n" + output, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        return parse(output);
    }

    static Result parse(String output) {
        String line = output.lines().filter(l -> l.startsWith("BENCH ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result:\n" + output));
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring(6).trim().split(" ")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        Map<Integer, Long> statuses = new LinkedHashMap<>();
        for (String entry : values.get("statuses").split(",")) {
            if (!entry.isBlank()) {
                String[] parts = entry.split(":");
                statuses.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            }
        }
        long socketErrors = 0;
        for (String kind : List.of("connect", "read", "write", "timeout")) {
            socketErrors += Long.parseLong(values.get(kind));
        }
        return new Result(Long.parseLong(values.get("requests")), Long.parseLong(values.get("duration_us")) / 1e6,
                ms(values, "p50_us"), ms(values, "p90_us"), ms(values, "p99_us"), ms(values, "p999_us"),
                ms(values, "max_us"), ms(values, "mean_us"), socketErrors, statuses);
    }

    private static double ms(Map<String, String> values, String key) {
        return Double.parseDouble(values.get(key)) / 1000.0;
    }

    private static int exitCode(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(new ArrayList<>(command)).inheritIO().start().waitFor();
    }
}
