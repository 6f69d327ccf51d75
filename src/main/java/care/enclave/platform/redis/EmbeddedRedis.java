package care.enclave.platform.redis;

import care.enclave.platform.keys.SecureFiles;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A real Redis server run by the platform itself when no Redis is configured: the binary shipped in the
 * {@code embedded-redis} artifact, bound to loopback on a free port, protected by a password generated at
 * each start, persisting to an append-only file in the platform's data folder. If the process dies it is
 * restarted on the same port, so clients recover without a platform restart.
 */
public final class EmbeddedRedis {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
    private static final long RESTART_DELAY_MILLIS = 500;

    private final Path dir;
    private final int port;
    private final String password;
    private volatile Process process;
    private volatile boolean stopping;

    private EmbeddedRedis(Path dir, int port, String password) {
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /** Starts Redis in {@code dir} (created if needed) and waits until it accepts connections. */
    public static EmbeddedRedis start(Path dir) throws IOException {
        SecureFiles.createPrivateDirectory(dir);
        EmbeddedRedis redis = new EmbeddedRedis(dir, freeLoopbackPort(), newPassword());
        redis.stopStaleInstance();
        redis.writeConfig();
        redis.launch();
        LOG.info(() -> "Started the embedded Redis server on 127.0.0.1:" + redis.port
                + " (append-only persistence in " + dir + ")");
        return redis;
    }

    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The process id, for tests that stop or kill the server to prove recovery. */
    public long pid() {
        return process.pid();
    }

    public void stop() {
        stopping = true;
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void launch() throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        File binary = ExecutableProvider.newJarResourceProvider(dir.resolve("bin").toFile()).get();
        Path log = dir.resolve("redis.log");
        process = new ProcessBuilder(List.of(binary.getAbsolutePath(), dir.resolve("redis.conf").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.onExit().thenRun(this::restartUnlessStopping);
        awaitListening();
    }

    private void restartUnlessStopping() {
        if (stopping) {
            return;
        }
        LOG.warning("The embedded Redis server exited unexpectedly; restarting it");
        try {
            Thread.sleep(RESTART_DELAY_MILLIS);
            if (!stopping) {
                launch();
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "The embedded Redis server could not be restarted: {0}", e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeConfig() throws IOException {
        String config = String.join("\n",
                "bind 127.0.0.1",
                "port " + port,
                "protected-mode yes",
                "requirepass " + password,
                "dir " + dir,
                "pidfile " + dir.resolve("redis.pid"),
                "daemonize no",
                // Every acknowledged write is in the append-only file and fsync'ed before Redis replies
                // (one write and one fsync per event-loop batch), so neither a killed Redis nor a machine
                // crash loses it. "everysec" is not enough even against SIGKILL: while a background fsync
                // runs, Redis postpones the AOF write for up to 2 s but still sends the replies.
                "appendonly yes",
                "appendfsync always",
                // A tail cut by a crash in mid-write is an unacknowledged write: load up to it.
                "aof-load-truncated yes",
                "aof-use-rdb-preamble yes",
                "save 900 1",
                "maxclients 1000",
                "");
        SecureFiles.writeAtomically(dir.resolve("redis.conf"), config.getBytes(StandardCharsets.UTF_8));
    }

    /** A Redis left running by a platform that was killed would hold the same files: stop it first. */
    private void stopStaleInstance() throws IOException {
        Path pidFile = dir.resolve("redis.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
        if (pid.matches("\\d{1,10}")) {
            ProcessHandle.of(Long.parseLong(pid))
                    .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                    .ifPresent(EmbeddedRedis::terminate);
        }
        Files.deleteIfExists(pidFile);
    }

    private static void terminate(ProcessHandle stale) {
        LOG.warning(() -> "Stopping a stale embedded Redis server (pid " + stale.pid() + ")");
        stale.destroy();
        try {
            stale.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            stale.destroyForcibly();
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("EmbeddedRedis: redis-server exited at start; see " + dir.resolve("redis.log"));
                }
                sleepBriefly();
            }
        }
        throw new IOException("EmbeddedRedis: redis-server did not start listening within 20 s");
    }

    private static void sleepBriefly() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("EmbeddedRedis: interrupted while starting");
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String newPassword() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
