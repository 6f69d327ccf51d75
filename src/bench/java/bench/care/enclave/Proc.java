package bench.care.enclave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What Linux says about a process (CPU time, resident memory) and about the machine, from /proc. */
final class Proc {

    /** Clock ticks per second of /proc/<pid>/stat ({@code getconf CLK_TCK}, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100.0;

    private Proc() {
    }

    /** User + system CPU time in ticks, or -1 once the process is gone. */
    static long cpuTicks(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat.isEmpty()) {
            return -1;
        }
        // Fields after the command name (which may hold spaces) start at field 3; utime is 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident memory now (VmRSS) in KiB, or -1 once the process is gone. */
    static long rssKb(long pid) {
        return statusKb(pid, "VmRSS:");
    }

    /** Peak resident memory since the process started (VmHWM) in KiB. */
    static long peakRssKb(long pid) {
        return statusKb(pid, "VmHWM:");
    }

    /** The machine's CPU time so far: {busy, total} in ticks over all cores, from the first line of /proc/stat. */
    static long[] machineTicks() {
        String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu 0 0 0 0 0").trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new long[]{total - idle, total};
    }

    static String loadAverage() {
        String[] parts = read(Path.of("/proc/loadavg")).trim().split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "?";
    }

    static String cpuModel() {
        return read(Path.of("/proc/cpuinfo")).lines().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    static long memoryTotalKb() {
        return read(Path.of("/proc/meminfo")).lines().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).findFirst().orElse(-1L);
    }

    static String kernel() {
        return read(Path.of("/proc/sys/kernel/osrelease")).trim();
    }

    private static long statusKb(long pid, String field) {
        List<String> lines = read(Path.of("/proc", Long.toString(pid), "status")).lines().toList();
        return lines.stream().filter(l -> l.startsWith(field)).map(l -> Long.parseLong(l.replaceAll("\\D+", "")))
                .findFirst().orElse(-1L);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
