package bench.care.enclave;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The run's settings, from system properties the Maven profile passes. {@code bench.quick=true} shortens
 * every duration to check the harness end to end; its figures mean nothing.
 */
record BenchConfig(boolean quick, int warmupSeconds, int durationSeconds, Set<String> only, Set<String> scenarios,
                   List<String> profiled, List<String> serverJvm,
                   int httpPort, int httpsPort, int providerHttpPort, int providerHttpsPort,
                   Path target, Path war, Path inferenceWar, Path onnxRuntimeLib, Path out) {

    static BenchConfig fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        Path target = Path.of(property("bench.target", "target")).toAbsolutePath();
        return new BenchConfig(quick,
                quick ? 1 : Integer.parseInt(property("bench.warmup", "10")),
                quick ? 3 : Integer.parseInt(property("bench.duration", "30")),
                words(property("bench.only", "")),
                words(property("bench.scenarios", "")),
                Arrays.stream(property("bench.profile", "post,noop-auth").split("[,\\s]+"))
                        .filter(s -> !s.isBlank()).toList(),
                List.of(property("bench.server.jvm", "").split("\\s+")).stream().filter(s -> !s.isBlank()).toList(),
                Integer.parseInt(property("bench.http.port", "28080")),
                Integer.parseInt(property("bench.https.port", "28443")),
                Integer.parseInt(property("bench.provider.http.port", "28081")),
                Integer.parseInt(property("bench.provider.https.port", "28444")),
                target,
                Path.of(property("bench.war", target.resolve("enclave-care.war").toString())),
                Path.of(property("bench.inference.war", target.resolve("enclave-care-inference.war").toString())),
                Path.of(property("bench.onnxruntime.lib.dir", target.resolve("onnxruntime-lib").toString())),
                target.resolve("bench"));
    }

    /** Whether a part of the run (jmh, http, delineate, profile) is selected; all are by default. */
    boolean runs(String part) {
        return only.isEmpty() || only.contains(part);
    }

    /** Whether an HTTP scenario is selected ({@code bench.scenarios}); all are by default. */
    boolean runsScenario(String name) {
        return scenarios.isEmpty() || scenarios.contains(name);
    }

    /** JMH iteration length: a second, or a fifth of one in a quick run. */
    String jmhIteration() {
        return quick ? "200ms" : "1s";
    }

    int jmhWarmups() {
        return quick ? 1 : 3;
    }

    int jmhIterations() {
        return quick ? 2 : 5;
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Set<String> words(String list) {
        return Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }
}
