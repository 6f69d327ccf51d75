package it.care.enclave;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IT servers' JVMs as operating-system processes: their pids (from Liberty's {@code usr/servers/.pid}
 * files), thread counts and resident memory (from {@code /proc}), heap after a full GC and thread dumps
 * (with {@code jcmd}), and SIGKILL.
 */
final class ServerProcess {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ServerProcess() {
    }

    static long platformPid() {
        return pid(Path.of(System.getProperty("it.platform.pid.file")));
    }

    static long providerPid() {
        return pid(Path.of(System.getProperty("it.provider.pid.file")));
    }

    /** The pid Liberty recorded, checked to be a live java process so a stale file never kills a stranger. */
    static long pid(Path pidFile) {
        long pid = Long.parseLong(read(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        if (!process.info().command().orElse("").endsWith("java")) {
            throw new IllegalStateException(pidFile + " names pid " + pid + ", which is not a JVM");
        }
        return pid;
    }

    static void kill(long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -KILL " + pid + " failed");
        }
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    static long rssKib(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /** Heap in use right after a full collection: what the application really retains. */
    static long heapAfterGcKib(long pid) {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap use");
        }
        return Long.parseLong(used.group(1));
    }

    static String threadDump(long pid) {
        return jcmd(pid, "Thread.print");
    }

    static String jcmd(long pid, String command) {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long statusField(long pid, String field) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "status")).split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no " + field);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
