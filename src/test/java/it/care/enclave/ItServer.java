package it.care.enclave;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Liberty server that the build started for integration tests, seen from outside: its URL, its TLS
 * certificate (pinned, never "trust all"), the clerk password it generated at first start and printed,
 * and its files (logs, embedded Redis) for the leak and outage checks.
 */
public final class ItServer {

    /** Generated passwords use letters and digits only, so the match also ends inside a JSON log line. */
    private static final String GENERATED_PASSWORD = "Generated the password of user '%s' .*?: ([A-Za-z0-9]+)";
    private static SSLContext tls;
    private static HttpClient shared;

    private ItServer() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("it.server.dir"));
    }

    public static URI https(String path) {
        return URI.create("https://localhost:" + System.getProperty("it.https.port") + path);
    }

    public static URI http(String path) {
        return URI.create("http://localhost:" + System.getProperty("it.http.port") + path);
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().sslContext(tls()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One client for load tests: kept-alive HTTP/1.1 connections, as a hospital's integration would hold them. */
    public static synchronized HttpClient sharedClient() {
        if (shared == null) {
            shared = HttpClient.newBuilder().sslContext(tls()).connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return shared;
    }

    /** Trusts exactly the certificate the server generated at its first start. */
    public static synchronized SSLContext tls() {
        if (tls == null) {
            tls = pinnedContext();
        }
        return tls;
    }

    public static String clerkPassword() {
        return generatedPassword("clerk");
    }

    /** The password the server generated for a staff user at its first start and printed once. */
    public static String generatedPassword(String user) {
        return generatedPassword(dir(), user);
    }

    /** The same for another server this build started (the provider). */
    public static String generatedPassword(Path serverDir, String user) {
        Pattern generated = Pattern.compile(String.format(GENERATED_PASSWORD, user));
        String password = null;
        for (String line : messageLogLines(serverDir)) {
            Matcher m = generated.matcher(line);
            if (m.find()) {
                password = m.group(1);
            }
        }
        if (password == null) {
            throw new IllegalStateException("The IT server did not print a generated password for " + user);
        }
        return password;
    }

    /** messages.log and, after a restart, its rotated predecessors (where the first start's lines are). */
    private static List<String> messageLogLines(Path serverDir) {
        try (Stream<Path> files = Files.list(serverDir.resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("messages")).sorted()
                    .flatMap(f -> lines(f).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String clerkAuth() {
        return basicAuth("clerk", clerkPassword());
    }

    /** The embedded Redis's port and password, read from the configuration the server wrote. */
    public static Properties redisConfig() {
        Properties config = new Properties();
        for (String line : lines(dir().resolve("data/redis/redis.conf"))) {
            String[] parts = line.split(" ", 2);
            if (parts.length == 2) {
                config.setProperty(parts[0], parts[1]);
            }
        }
        return config;
    }

    public static long redisPid() {
        return Long.parseLong(lines(dir().resolve("data/redis/redis.pid")).get(0).trim());
    }

    /** Every file the server wrote under logs/ (messages, console, trace, FFDC incidents). */
    public static List<Path> logFiles() {
        try (Stream<Path> files = Files.walk(dir().resolve("logs"))) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the JVM's default trust store the pinned server certificate, for clients (CXF in MicroShed) that
     * build their own TLS context from the JSSE defaults.
     */
    public static synchronized void trustServerByDefault() {
        try {
            Path file = Files.createTempFile("it-truststore", ".p12");
            char[] password = "changeit".toCharArray();
            try (var out = Files.newOutputStream(file)) {
                trustedCertificates().store(out, password);
            }
            System.setProperty("javax.net.ssl.trustStore", file.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", new String(password));
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the pinned trust store", e);
        }
    }

    private static KeyStore trustedCertificates() throws IOException, GeneralSecurityException {
        return trustedCertificates(dir());
    }

    /** An HTTP client trusting exactly the certificate of the server in {@code serverDir}. */
    public static HttpClient clientFor(Path serverDir) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustedCertificates(serverDir));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot pin the certificate of " + serverDir, e);
        }
    }

    static KeyStore trustedCertificates(Path serverDir) throws IOException, GeneralSecurityException {
        Properties env = new Properties();
        try (InputStream in = Files.newInputStream(serverDir.resolve("server.env"))) {
            env.load(in);
        }
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverDir.resolve("resources/security/key.p12"))) {
            serverKeys.load(in, env.getProperty("keystore_password").toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (String alias : java.util.Collections.list(serverKeys.aliases())) {
            Certificate certificate = serverKeys.getCertificate(alias);
            trusted.setCertificateEntry(alias, certificate);
        }
        return trusted;
    }

    private static SSLContext pinnedContext() {
        try {
            KeyStore trusted = trustedCertificates();
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot pin the IT server's certificate", e);
        }
    }
}
