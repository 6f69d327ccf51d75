package bench.care.enclave;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the JMH benchmarks in forked JVMs and keeps what the report needs of each result. */
final class MicroBenchmarks {

    /** One benchmark (and parameter set, thread count) result: mean score, and percentiles for sample mode. */
    record Micro(String benchmark, String params, int threads, String mode, double score, double error,
                 String unit, double p50, double p99, double p999, long samples) {

        String name() {
            return benchmark + (params.isEmpty() ? "" : " [" + params + "]") + (threads > 1 ? " x" + threads : "");
        }
    }

    private final BenchConfig config;

    MicroBenchmarks(BenchConfig config) {
        this.config = config;
    }

    List<Micro> run() throws RunnerException {
        List<Micro> results = new ArrayList<>();
        for (Class<?> single : List.of(RecordCryptoBenchmark.class, AttestationBenchmark.class,
                SealedExchangeBenchmark.class, ImagingBenchmark.class)) {
            results.addAll(run(options(single.getSimpleName(), 1)));
        }
        // A model run takes a tenth of a second or more: longer iterations for enough samples.
        results.addAll(run(options(InferenceBenchmark.class.getSimpleName(), 1)
                .measurementTime(TimeValue.seconds(config.quick() ? 1 : 4))));
        for (int threads : new int[]{1, 8, 64}) {
            results.addAll(run(options(RedisBenchmark.class.getSimpleName(), threads)));
        }
        return results;
    }

    private ChainedOptionsBuilder options(String benchmark, int threads) {
        return new OptionsBuilder()
                .include("bench\\.care\\.enclave\\." + benchmark + "\\.")
                .forks(1)
                .threads(threads)
                .warmupIterations(config.jmhWarmups())
                .warmupTime(TimeValue.fromString(config.jmhIteration()))
                .measurementIterations(config.jmhIterations())
                .measurementTime(TimeValue.fromString(config.jmhIteration()))
                // ONNX Runtime's session creation for the U-Net overflowed a 1-2 MB main-thread stack (SIGSEGV).
                .jvmArgsAppend("-Dshared.dir=" + System.getProperty("shared.dir", "../shared"), "-Xmx2g", "-Xss8m")
                .shouldFailOnError(true);
    }

    private static List<Micro> run(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        List<Micro> micros = new ArrayList<>();
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            var params = run.getParams();
            String paramText = params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k))
                    .collect(Collectors.joining(","));
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.', 
                    params.getBenchmark().lastIndexOf('.') - 1) + 1);
            boolean sampled = params.getMode().shortLabel().equals("sample");
            var statistics = primary.getStatistics();
            micros.add(new Micro(method, paramText, params.getThreads(), params.getMode().shortLabel(),
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
                    sampled ? statistics.getPercentile(50) : Double.NaN,
                    sampled ? statistics.getPercentile(99) : Double.NaN,
                    sampled ? statistics.getPercentile(99.9) : Double.NaN,
                    statistics.getN()));
        }
        return micros;
    }
}
