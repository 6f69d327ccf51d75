package care.enclave.platform.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The platform's Redis client, shared by the modules that keep state there (patient records, the audit
 * trail); the configuration keys keep the {@code patients.redis} prefix they were introduced with.
 * {@code patients.redis.url} ({@code PATIENTS_REDIS_URL}) names a
 * {@code redis://} or {@code rediss://} server, with an ACL user and password in the URL where needed;
 * {@code patients.redis.ca-file} adds a private CA for TLS. Without a URL the platform runs its own
 * Redis (see {@link EmbeddedRedis}).
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "patients.redis.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "patients.redis.ca-file")
    Optional<String> caFile;

    @Inject
    @ConfigProperty(name = "patients.redis.timeout-millis", defaultValue = "2000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "patients.redis.pool-size", defaultValue = "64")
    int poolSize;

    @Inject
    @ConfigProperty(name = "patients.redis.health-timeout-millis", defaultValue = "1000")
    int healthTimeoutMillis;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    private EmbeddedRedis embedded;
    private RedisClient client;
    /** One connection of its own with a shorter timeout, so a probe never waits behind requests or for long. */
    private RedisClient probe;

    /** The outcome of a PING: answered or not, and why, in words without host names or credentials. */
    public record Ping(boolean answered, String reason) {
    }

    /** A connection outside the container (tools, tests), configured as CDI would configure it. */
    public static RedisConnection connect(String url, Optional<String> caFile, int timeoutMillis, int poolSize,
                                          Path dataDir) {
        RedisConnection connection = new RedisConnection();
        connection.url = Optional.of(url);
        connection.caFile = caFile;
        connection.timeoutMillis = timeoutMillis;
        connection.poolSize = poolSize;
        connection.healthTimeoutMillis = Math.min(timeoutMillis, 500);
        connection.dataDir = dataDir.toString();
        connection.connect();
        return connection;
    }

    @PostConstruct
    void connect() {
        Function<Integer, DefaultJedisClientConfig> config;
        HostAndPort address;
        if (url.filter(u -> !u.isBlank()).isPresent()) {
            URI uri = URI.create(url.get().strip());
            config = configured(uri);
            address = JedisURIHelper.getHostAndPort(uri);
        } else {
            config = embedded();
            address = new HostAndPort("127.0.0.1", embedded.port());
        }
        client = build(address, config.apply(timeoutMillis), poolSize, timeoutMillis);
        probe = build(address, config.apply(healthTimeoutMillis), 1, healthTimeoutMillis);
    }

    /** PING on the probe connection, bounded by {@code patients.redis.health-timeout-millis}. */
    public Ping ping() {
        long start = System.nanoTime();
        try {
            String answer = probe.ping();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return "PONG".equals(answer) ? new Ping(true, "answered PING in " + millis + " ms")
                    : new Ping(false, "answered PING with something other than PONG");
        } catch (JedisConnectionException e) {
            probe.getPool().clear();
            return new Ping(false, "no answer to PING within " + healthTimeoutMillis + " ms or connection refused");
        } catch (JedisException e) {
            return new Ping(false, "refused PING (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Connects (or starts the embedded server) when the application starts, not on the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the start is what instantiates this bean eagerly.
    }

    public RedisClient client() {
        return client;
    }

    /**
     * After a failed command the pool's idle connections are likely dead too (Redis restarted or a network
     * path dropped): discard them so the next requests connect afresh instead of failing one by one.
     */
    public void discardIdleConnections() {
        client.getPool().clear();
    }

    /** The embedded server, when the platform runs one; tests use it to prove recovery. */
    public Optional<EmbeddedRedis> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    @PreDestroy
    public void close() {
        if (client != null) {
            client.close();
        }
        if (probe != null) {
            probe.close();
        }
        if (embedded != null) {
            embedded.stop();
        }
    }

    /** The client configuration for a given timeout, from the URL (and CA file for TLS). */
    private Function<Integer, DefaultJedisClientConfig> configured(URI uri) {
        if (!JedisURIHelper.isValid(uri)) {
            throw new IllegalStateException("patients.redis.url must be a redis:// or rediss:// URL with host and port");
        }
        boolean tls = JedisURIHelper.isRedisSSLScheme(uri);
        HostAndPort address = JedisURIHelper.getHostAndPort(uri);
        // The URL may hold a password: only host, port and TLS are logged.
        LOG.info(() -> "The platform uses the configured Redis at " + address + (tls ? " over TLS" : ""));
        return timeout -> {
            DefaultJedisClientConfig.Builder config = baseConfig(timeout)
                    .user(JedisURIHelper.getUser(uri))
                    .password(JedisURIHelper.getPassword(uri))
                    .database(JedisURIHelper.getDBIndex(uri))
                    .ssl(tls);
            if (tls) {
                config.sslParameters(verifyingHostName());
                caFile.ifPresent(pem -> config.sslSocketFactory(TrustedCa.socketFactory(Path.of(pem))));
            }
            return config.build();
        };
    }

    /** Jedis checks the certificate chain but not the host name unless asked to. */
    private static SSLParameters verifyingHostName() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    private Function<Integer, DefaultJedisClientConfig> embedded() {
        try {
            embedded = EmbeddedRedis.start(Path.of(dataDir, "redis"));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded Redis server could not start", e);
        }
        LOG.info("No patients.redis.url configured: the platform uses the embedded Redis server");
        return timeout -> baseConfig(timeout).password(embedded.password()).build();
    }

    private static DefaultJedisClientConfig.Builder baseConfig(int timeoutMillis) {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("enclave-care");
    }

    private static RedisClient build(HostAndPort address, DefaultJedisClientConfig config, int poolSize,
                                     int timeoutMillis) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setTestWhileIdle(true);
        // A request waits at most one timeout for a pooled connection, then the store reports 503.
        pool.setMaxWait(Duration.ofMillis(timeoutMillis));
        return RedisClient.builder().hostAndPort(address).clientConfig(config).poolConfig(pool).build();
    }
}
