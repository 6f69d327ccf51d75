package it.care.enclave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Creates, starts and stops the integration-test server with Liberty's own {@code bin/server}. The build
 * runs it around the integration tests (exec-maven-plugin). The server is created afresh every run (new
 * keys, new Redis, new clerk password) from the same server.xml and WAR as the product, on its own ports,
 * so tests never touch the product server that {@code liberty:run} uses.
 *
 * <p>Usage: {@code start|stop <wlp dir> <server name> <war> <http port> <https port> [jvm option,
 * bootstrap:name=value, serverxml:path, sharekeystore:server dir or resetdir:dir to empty first...]}
 */
public final class ItServerControl {

    private static final long START_TIMEOUT_MILLIS = 180_000;

    private ItServerControl() {
    }

    public static void main(String[] args) throws Exception {
        Path wlp = Path.of(args[1]);
        String name = args[2];
        if ("stop".equals(args[0])) {
            run(wlp, "stop", name);
            return;
        }
        Path serverDir = wlp.resolve("usr/servers").resolve(name);
        if (Files.exists(serverDir)) {
            run(wlp, "stop", name);
        }
        deleteRecursively(serverDir);
        run(wlp, "create", name);
        String serverXml = List.of(args).stream().filter(a -> a.startsWith("serverxml:")).map(a -> a.substring(10))
                .findFirst().orElse("src/main/liberty/config/server.xml");
        Files.copy(Path.of(serverXml), serverDir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(serverDir.resolve("apps"));
        Files.copy(Path.of(args[3]), serverDir.resolve("apps").resolve(Path.of(args[3]).getFileName()));
        List<String> extra = new java.util.ArrayList<>();
        for (String arg : List.of(args).subList(6, args.length)) {
            extra.add(arg.startsWith("measure:") ? measured(arg.substring(8)) : arg);
        }
        shareKeystore(extra, serverDir);
        for (String arg : extra) {
            if (arg.startsWith("resetdir:")) {
                deleteRecursively(Path.of(arg.substring(9)));
            }
        }
        StringBuilder bootstrap = new StringBuilder("http.port=" + args[4] + "\nhttps.port=" + args[5] + "\n");
        extra.stream().filter(a -> a.startsWith("bootstrap:")).forEach(a -> bootstrap.append(a.substring(10)).append('\n'));
        Files.writeString(serverDir.resolve("bootstrap.properties"), bootstrap, StandardCharsets.UTF_8);
        Files.write(serverDir.resolve("jvm.options"), extra.stream()
                .filter(a -> !a.startsWith("bootstrap:") && !a.startsWith("serverxml:") && !a.startsWith("sharekeystore:")
                        && !a.startsWith("resetdir:"))
                .toList(), StandardCharsets.UTF_8);
        run(wlp, "start", name);
        try {
            awaitApplication(serverDir.resolve("logs/messages.log"));
        } catch (RuntimeException failed) {
            run(wlp, "stop", name);
            throw failed;
        }
    }

    /** {@code measure:prop=path.war[,more]} becomes {@code -Dprop=<MRENCLAVE of the WAR>[,more]}: a pin. */
    private static String measured(String spec) {
        String property = spec.substring(0, spec.indexOf('='));
        String[] values = spec.substring(spec.indexOf('=') + 1).split(",");
        values[0] = java.util.HexFormat.of().formatHex(
                care.enclave.platform.enclave.WebAppMeasurement.measureWar(Path.of(values[0])));
        return "-D" + property + "=" + String.join(",", values);
    }

    /**
     * {@code sharekeystore:<server dir>}: this test machine's servers present one TLS identity (the first
     * server's generated key), so each trusts the other exactly as it trusts itself.
     */
    private static void shareKeystore(List<String> extra, Path serverDir) throws IOException {
        for (String arg : extra) {
            if (arg.startsWith("sharekeystore:")) {
                Path other = Path.of(arg.substring(14));
                Files.createDirectories(serverDir.resolve("resources/security"));
                Files.copy(other.resolve("resources/security/key.p12"), serverDir.resolve("resources/security/key.p12"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.copy(other.resolve("server.env"), serverDir.resolve("server.env"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void run(Path wlp, String action, String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .inheritIO().start();
        int exit = process.waitFor();
        // "stop" of a server that is not running exits 1; that is not a failure of the tests.
        if (exit != 0 && !"stop".equals(action)) {
            throw new IllegalStateException("server " + action + " " + name + " exited with " + exit);
        }
    }

    /** Fails the build when the application does not start, instead of letting every test see 404s. */
    private static void awaitApplication(Path log) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String messages = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (messages.contains("CWWKZ0001I")) {
                return;
            }
            if (messages.contains("CWWKZ0002E") || messages.contains("CWWKZ0004E")) {
                throw new IllegalStateException("The application failed to start; see " + log);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The application did not start within 180 s; see " + log);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
