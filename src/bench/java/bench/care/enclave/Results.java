package bench.care.enclave;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one run measured, for the report and the plot. */
final class Results {

    final Map<String, String> machine = new LinkedHashMap<>();
    final List<MicroBenchmarks.Micro> micros = new ArrayList<>();
    final List<HttpLoad.Run> http = new ArrayList<>();
    /** Per server process: {resident now, peak resident} in KiB, read after the load. */
    final Map<String, long[]> memory = new LinkedHashMap<>();
    final Map<String, String> scenarioDescriptions = new LinkedHashMap<>();
    final List<CpuProfile.Profile> profiles = new ArrayList<>();

    Optional<HttpLoad.Run> run(String scenario, int connections) {
        return http.stream().filter(r -> r.scenario().name().equals(scenario) && r.connections() == connections)
                .findFirst();
    }

    Optional<MicroBenchmarks.Micro> micro(String benchmark, int threads) {
        return micros.stream().filter(m -> m.benchmark().equals(benchmark) && m.threads() == threads).findFirst();
    }

    Optional<MicroBenchmarks.Micro> micro(String benchmark, String params) {
        return micros.stream().filter(m -> m.benchmark().equals(benchmark) && m.params().equals(params)).findFirst();
    }

    /** Platform CPU time per request in milliseconds: what a request costs the server, whatever the load. */
    static double cpuMillisPerRequest(HttpLoad.Run run, String process) {
        double cores = run.usage().cpuPercent().getOrDefault(process, 0.0) / 100.0;
        return cores * 1000.0 / Math.max(1e-9, run.result().requestsPerSecond());
    }
}
