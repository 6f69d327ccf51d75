package bench.care.enclave;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the server's CPU goes, from a JFR recording (jcmd JFR.start with the "profile" settings: a Java
 * stack sample every 10 ms per running thread). Two views: the methods on top of the stack (self time), and
 * the share of samples with a given component anywhere on the stack (inclusive; shares overlap).
 */
final class CpuProfile {

    /** A share of the samples. */
    record Share(String name, long samples, double percent) {
    }

    record Profile(String title, long samples, List<Share> components, List<Share> selfPackages,
                   List<Share> selfMethods, long gcCount, double gcPauseMillis) {
    }

    /** Inclusive components, each a test on a frame's class (and method) name. */
    private static final Map<String, Predicate<String>> COMPONENTS = components();

    private CpuProfile() {
    }

    /** Records the server's JVM while {@code load} runs, with the JDK's jcmd. */
    static void record(long pid, Path file, Load load) throws Exception {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        try {
            load.run();
        } finally {
            jcmd(pid, "JFR.stop", "name=bench");
        }
    }

    /** The load to profile. */
    interface Load {
        void run() throws Exception;
    }

    static Profile analyse(String title, Path file) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> selfPackages = new HashMap<>();
        Map<String, Long> inclusive = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(name -> inclusive.put(name, 0L));
        long samples = 0;
        long gcCount = 0;
        double gcPause = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcCount++;
                gcPause += event.getDuration("sumOfPauses").toNanos() / 1e6;
            } else if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples++;
                List<String> frames = frames(event.getStackTrace());
                if (!frames.isEmpty()) {
                    self.merge(frames.get(0), 1L, Long::sum);
                    selfPackages.merge(packageOf(frames.get(0)), 1L, Long::sum);
                }
                COMPONENTS.forEach((name, test) -> {
                    if (frames.stream().anyMatch(test)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                });
            }
        }
        long total = Math.max(1, samples);
        List<Share> components = inclusive.entrySet().stream()
                .map(e -> new Share(e.getKey(), e.getValue(), 100.0 * e.getValue() / total)).toList();
        return new Profile(title, samples, components.stream().sorted(Comparator.comparingLong(Share::samples).reversed())
                .toList(), top(selfPackages, total, 15), top(self, total, 20), gcCount, gcPause);
    }

    private static List<Share> top(Map<String, Long> counts, long total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit).map(e -> new Share(e.getKey(), e.getValue(), 100.0 * e.getValue() / total)).toList();
    }

    /** The first three segments of the frame's package: {@code sun.security.rsa}, {@code com.ibm.ws}. */
    private static String packageOf(String frame) {
        String[] parts = frame.split("\\.");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < Math.min(3, parts.length - 2); i++) {
            name.append(i == 0 ? "" : ".").append(parts[i]);
        }
        return name.length() == 0 ? frame : name.toString();
    }

    private static List<String> frames(RecordedStackTrace trace) {
        return trace.getFrames().stream().filter(RecordedFrame::isJavaFrame)
                .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName()).toList();
    }

    private static Map<String, Predicate<String>> components() {
        Map<String, Predicate<String>> c = new LinkedHashMap<>();
        c.put("Liberty SSO (LTPA) token creation, per authenticated request",
                f -> f.contains(".ltpa.") || f.contains("SSOTokenCredentialProvider") || f.contains("security.token.internal"));
        c.put("Liberty login (JAAS subject and credentials; includes the LTPA token)",
                f -> f.startsWith("com.ibm.ws.security.authentication.") || f.startsWith("com.ibm.ws.security.credentials."));
        c.put("Jakarta Security in Liberty (mechanism and identity store calls)",
                f -> f.startsWith("com.ibm.ws.security.javaeesec."));
        c.put("Application authentication (CallerAuthentication, StaffIdentityStore)",
                f -> f.startsWith("care.enclave.platform.security.CallerAuthentication")
                        || f.startsWith("care.enclave.platform.security.StaffIdentityStore"));
        c.put("RSA (any caller)", f -> f.startsWith("sun.security.rsa."));
        // Only JSSE itself: Liberty's SSL channel is at the bottom of every request's stack.
        c.put("TLS records and handshakes (JSSE)", f -> f.startsWith("sun.security.ssl."));
        c.put("Patients module (resource, form, validation, score, store)", f -> f.startsWith("care.enclave.patients."));
        c.put("PatientStore (HMAC key, JSON, AES-GCM seal, Redis SET NX)",
                f -> f.startsWith("care.enclave.patients.control.PatientStore."));
        c.put("Record envelope (AES-256-GCM)", f -> f.startsWith("care.enclave.platform.crypto.Envelope."));
        c.put("Redis client (Jedis, pool, socket)", f -> f.startsWith("redis.clients.jedis.")
                || f.startsWith("org.apache.commons.pool2."));
        c.put("JSON-P (Parsson)", f -> f.startsWith("org.eclipse.parsson."));
        // Not the correlation servlet filter, which wraps every request.
        c.put("Problem JSON and correlation ids", f -> f.startsWith("care.enclave.platform.problem.Problem")
                || f.startsWith("care.enclave.platform.problem.Correlation."));
        c.put("Liberty authentication cache", f -> f.startsWith("com.ibm.ws.security.authentication.internal.cache."));
        c.put("Java security manager checks and JAAS plumbing", f -> f.startsWith("javax.security.auth.")
                || f.startsWith("java.security.AccessController"));
        c.put("Logging", f -> f.startsWith("java.util.logging.") || f.startsWith("com.ibm.ws.logging."));
        c.put("Attestation (quote verification, token)", f -> f.startsWith("care.enclave.attestation."));
        return c;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + out);
        }
    }
}
