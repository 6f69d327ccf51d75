package bench.care.enclave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Writes target/bench/report.md from one run's results. */
final class Report {

    private final Results r;
    private final BenchConfig config;
    private final StringBuilder md = new StringBuilder();

    private Report(Results results, BenchConfig config) {
        this.r = results;
        this.config = config;
    }

    static void write(Results results, BenchConfig config, Path file) throws IOException {
        Report report = new Report(results, config);
        report.header();
        report.http();
        report.layers();
        report.ratios();
        report.micro();
        report.memory();
        report.profiles();
        Files.writeString(file, report.md, StandardCharsets.UTF_8);
    }

    private void header() {
        line("# Enclave Care benchmark report");
        line("");
        if (config.quick()) {
            line("> **QUICK RUN (bench.quick=true): durations shortened to check the harness; the figures mean nothing.**");
            line("");
        }
        r.machine.forEach((k, v) -> line("- " + k + ": " + v));
        line("");
        line("Plot: `report.png` (requests per second and p99 per scenario and connection count). Raw wrk output: "
                + "`wrk.log`; CPU profiles (JFR): `<scenario>-64.jfr`.");
        line("");
    }

    private void http() {
        line("## HTTP scenarios (wrk over TLS on loopback, one wrk thread, closed loop)");
        line("");
        r.scenarioDescriptions.forEach((name, text) -> line("- `" + name + "`: " + text));
        line("");
        line("Errors are answers other than the scenario's expected status, plus socket errors. CPU% is of one "
                + "core (the machine has " + Runtime.getRuntime().availableProcessors() + "); *machine* is the share "
                + "of all cores busy, other processes included. CPU ms/req = platform CPU time per request.");
        line("");
        line("| scenario | conns | req/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | platform CPU % | CPU ms/req "
                + "| redis CPU % | provider CPU % | wrk CPU % | machine busy % | platform RSS MiB |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (HttpLoad.Run run : r.http) {
            var u = run.usage();
            line(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %.1f | %d | %.0f | %.2f | %.0f | %s "
                            + "| %.0f | %.0f | %.0f |",
                    run.scenario().name(), run.connections(), run.result().requestsPerSecond(), run.result().p50(),
                    run.result().p99(), run.result().p999(), run.result().max(), run.errors(),
                    u.cpuPercent().getOrDefault("platform", 0.0),
                    run.result().requests() == 0 ? Double.NaN : Results.cpuMillisPerRequest(run, "platform"),
                    u.cpuPercent().getOrDefault("redis", 0.0),
                    u.cpuPercent().containsKey("provider")
                            ? String.format(Locale.ROOT, "%.0f", u.cpuPercent().get("provider")) : "-",
                    u.cpuPercent().getOrDefault("wrk", 0.0), u.machineBusyPercent(),
                    u.peakRssKb().getOrDefault("platform", 0L) / 1024.0));
        }
        line("");
    }

    /** The layered scenarios' CPU per request, and what each adds over the one it builds on. */
    private void layers() {
        line("## Where a request's server CPU goes (platform CPU ms per request at 64 connections)");
        line("");
        line("| scenario | builds on | CPU ms/req | adds |");
        line("|---|---|---:|---:|");
        layer("noop", null);
        layer("noop-auth", "noop");
        layer("get", "noop-auth");
        layer("post", "noop-auth");
        layer("get-404", "noop-auth");
        line("");
    }

    private void layer(String name, String base) {
        Optional<Double> ms = r.run(name, 64).map(x -> Results.cpuMillisPerRequest(x, "platform"));
        Optional<Double> baseMs = base == null ? Optional.of(0.0)
                : r.run(base, 64).map(x -> Results.cpuMillisPerRequest(x, "platform"));
        if (ms.isPresent() && baseMs.isPresent()) {
            line("| `" + name + "` | " + (base == null ? "-" : "`" + base + "`") + " | " + fmt(ms.get()) + " | "
                    + fmt(ms.get() - baseMs.get()) + " |");
        }
    }

    private void ratios() {
        line("## Against the baselines of this run");
        line("");
        line("| comparison | 1 | 8 | 64 |");
        line("|---|---:|---:|---:|");
        ratioRow("API POST /patient req/s ÷ bare Jedis SET NX ops/s", "post", "RedisBenchmark.bareSet");
        ratioRow("API POST /patient req/s ÷ PatientStore.create ops/s", "post", "RedisBenchmark.storeCreate");
        ratioRow("API GET /patient req/s ÷ bare Jedis GET ops/s", "get", "RedisBenchmark.bareGet");
        ratioRow("API GET /patient req/s ÷ PatientStore.find ops/s", "get", "RedisBenchmark.storeFind");
        line("");
        Optional<MicroBenchmarks.Micro> ort = r.micro("InferenceBenchmark.unet", "threads=2");
        Optional<HttpLoad.Run> delineate = r.run("delineate", 1);
        if (ort.isPresent() && delineate.isPresent() && delineate.get().result().requests() > 0) {
            line(String.format(Locale.ROOT, "- /delineate p50 at 1 caller %.1f ms = %.2f × bare ONNX Runtime p50 at 2 threads "
                    + "(%.1f ms); the rest is attesting the provider, encoding and sealing, two HTTPS hops and the outline.",
                    delineate.get().result().p50(), delineate.get().result().p50() / ort.get().p50(), ort.get().p50()));
        }
        Optional<MicroBenchmarks.Micro> seal = r.micro("RecordCryptoBenchmark.seal", 1);
        Optional<MicroBenchmarks.Micro> open = r.micro("RecordCryptoBenchmark.open", 1);
        Optional<HttpLoad.Run> post = r.run("post", 64);
        if (seal.isPresent() && open.isPresent() && post.isPresent()) {
            double cpu = Results.cpuMillisPerRequest(post.get(), "platform") * 1000;
            line(String.format(Locale.ROOT, "- Record encryption: seal %.1f µs + open %.1f µs per record (medians); a POST "
                    + "at 64 connections costs the server %.0f µs of CPU, so sealing is %.1f%% of it.",
                    seal.get().p50(), open.get().p50(), cpu, 100 * seal.get().p50() / cpu));
        }
        line("");
    }

    private void ratioRow(String label, String scenario, String benchmark) {
        StringBuilder row = new StringBuilder("| " + label + " |");
        for (int c : new int[]{1, 8, 64}) {
            Optional<HttpLoad.Run> run = r.run(scenario, c);
            Optional<MicroBenchmarks.Micro> micro = r.micro(benchmark, c);
            row.append(run.isPresent() && micro.isPresent()
                    ? String.format(Locale.ROOT, " %.3f (%.0f / %.0f) |", run.get().result().requestsPerSecond()
                    / micro.get().score(), run.get().result().requestsPerSecond(), micro.get().score()) : " - |");
        }
        line(row.toString());
    }

    private void micro() {
        line("## Micro-benchmarks (JMH, forked JVM, " + config.jmhWarmups() + " warm-up + " + config.jmhIterations()
                + " measured iterations of " + config.jmhIteration() + ")");
        line("");
        line("Sample mode gives percentiles; *per second* is one thread's rate (1 / mean). Throughput mode rows are "
                + "ops/s over all threads.");
        line("");
        line("| benchmark | threads | mode | mean | ± | p50 | p99 | p99.9 | unit | per second |");
        line("|---|---:|---|---:|---:|---:|---:|---:|---|---:|");
        for (MicroBenchmarks.Micro m : r.micros) {
            double perSecond = m.mode().equals("thrpt") ? m.score() : perSecond(m);
            line(String.format(Locale.ROOT, "| %s%s | %d | %s | %s | %s | %s | %s | %s | %s | %.0f |", m.benchmark(),
                    m.params().isEmpty() ? "" : " [" + m.params() + "]", m.threads(), m.mode(), num(m.score()),
                    num(m.error()), num(m.p50()), num(m.p99()), num(m.p999()), m.unit(), perSecond));
        }
        line("");
    }

    private void memory() {
        line("## Memory of each server (after the load)");
        line("");
        line("| process | resident now MiB | peak resident (VmHWM) MiB |");
        line("|---|---:|---:|");
        r.memory.forEach((name, kb) -> line(String.format(Locale.ROOT, "| %s | %.0f | %.0f |", name, kb[0] / 1024.0,
                kb[1] / 1024.0)));
        line("");
    }

    private void profiles() {
        r.profiles.forEach(this::profile);
    }

    private void profile(CpuProfile.Profile p) {
        line("## Where the platform's CPU goes: " + p.title() + " (JFR)");
        line("");
        line(String.format(Locale.ROOT, "%d execution samples; %d garbage collections, %.0f ms of pauses in all.",
                p.samples(), p.gcCount(), p.gcPauseMillis()));
        line("");
        line("Inclusive shares (a component anywhere on the stack; shares overlap):");
        line("");
        line("| component | samples | % |");
        line("|---|---:|---:|");
        p.components().forEach(s -> line(String.format(Locale.ROOT, "| %s | %d | %.1f |", s.name(), s.samples(), s.percent())));
        line("");
        line("Self time by package (the method on top of the stack):");
        line("");
        line("| package | samples | % |");
        line("|---|---:|---:|");
        p.selfPackages().forEach(this::shareRow);
        line("");
        line("Top methods by self time:");
        line("");
        line("| method | samples | % |");
        line("|---|---:|---:|");
        p.selfMethods().forEach(this::shareRow);
        line("");
    }

    private void shareRow(CpuProfile.Share share) {
        line(String.format(Locale.ROOT, "| `%s` | %d | %.1f |", share.name(), share.samples(), share.percent()));
    }

    private static double perSecond(MicroBenchmarks.Micro m) {
        double seconds = switch (m.unit()) {
            case "ms/op" -> m.score() / 1e3;
            case "us/op" -> m.score() / 1e6;
            case "ns/op" -> m.score() / 1e9;
            default -> m.score();
        };
        return 1 / seconds;
    }

    private static String num(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.3f", value);
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
