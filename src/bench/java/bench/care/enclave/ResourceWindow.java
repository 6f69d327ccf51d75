package bench.care.enclave;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU and memory of named processes over one measured run: CPU% from utime+stime before and after (100% =
 * one core), peak RSS sampled every 100 ms, and how busy the whole machine was (which shows other work).
 */
final class ResourceWindow implements AutoCloseable {

    /** What a run cost each process, and the machine's busy share over all cores (100% = every core). */
    record Usage(Map<String, Double> cpuPercent, Map<String, Long> peakRssKb, double machineBusyPercent) {
    }

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> startTicks = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTicks = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private final long[] startMachine = Proc.machineTicks();
    private final Thread sampler;
    private volatile boolean running = true;

    ResourceWindow(Map<String, Long> processes) {
        processes.forEach(this::watch);
        sampler = new Thread(this::sample, "bench-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Adds a process started during the window (the load generator): its CPU counts from its start. */
    void watch(String name, long pid) {
        pids.put(name, pid);
        startTicks.put(name, Math.max(0, name.equals("wrk") ? 0 : Proc.cpuTicks(pid)));
        lastTicks.put(name, startTicks.get(name));
    }

    Usage finish() {
        running = false;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleOnce();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.keySet().forEach(name -> cpu.put(name,
                100.0 * (lastTicks.get(name) - startTicks.get(name)) / Proc.TICKS_PER_SECOND / seconds));
        long[] machine = Proc.machineTicks();
        double busy = machine[1] == startMachine[1] ? 0
                : 100.0 * (machine[0] - startMachine[0]) / (machine[1] - startMachine[1]);
        return new Usage(cpu, new LinkedHashMap<>(peakRss), busy);
    }

    @Override
    public void close() {
        running = false;
    }

    private void sample() {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        pids.forEach((name, pid) -> {
            long ticks = Proc.cpuTicks(pid);
            if (ticks >= 0) {
                lastTicks.put(name, ticks);
            }
            long rss = Proc.rssKb(pid);
            if (rss > 0) {
                peakRss.merge(name, rss, Math::max);
            }
        });
    }
}
