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
import redis.clients.jedis.util.JedisURIHelper;

import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
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
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    private EmbeddedRedis embedded;
    private RedisClient client;

    /** A connection outside the container (tools, tests), configured as CDI would configure it. */
    public static RedisConnection connect(String url, Optional<String> caFile, int timeoutMillis, int poolSize,
                                          Path dataDir) {
        RedisConnection connection = new RedisConnection();
        connection.url = Optional.of(url);
        connection.caFile = caFile;
        connection.timeoutMillis = timeoutMillis;
        connection.poolSize = poolSize;
        connection.dataDir = dataDir.toString();
        connection.connect();
        return connection;
    }

    @PostConstruct
    void connect() {
        if (url.filter(u -> !u.isBlank()).isPresent()) {
            client = configured(URI.create(url.get().strip()));
        } else {
            client = embedded();
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
        if (embedded != null) {
            embedded.stop();
        }
    }

    private RedisClient configured(URI uri) {
        if (!JedisURIHelper.isValid(uri)) {
            throw new IllegalStateException("patients.redis.url must be a redis:// or rediss:// URL with host and port");
        }
        boolean tls = JedisURIHelper.isRedisSSLScheme(uri);
        DefaultJedisClientConfig.Builder config = baseConfig()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(tls);
        if (tls) {
            config.sslParameters(verifyingHostName());
            caFile.ifPresent(pem -> config.sslSocketFactory(TrustedCa.socketFactory(Path.of(pem))));
        }
        HostAndPort address = JedisURIHelper.getHostAndPort(uri);
        // The URL may hold a password: only host, port and TLS are logged.
        LOG.info(() -> "The platform uses the configured Redis at " + address + (tls ? " over TLS" : ""));
        return build(address, config.build());
    }

    /** Jedis checks the certificate chain but not the host name unless asked to. */
    private static SSLParameters verifyingHostName() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    private RedisClient embedded() {
        try {
            embedded = EmbeddedRedis.start(Path.of(dataDir, "redis"));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded Redis server could not start", e);
        }
        LOG.info("No patients.redis.url configured: the platform uses the embedded Redis server");
        return build(new HostAndPort("127.0.0.1", embedded.port()),
                baseConfig().password(embedded.password()).build());
    }

    private DefaultJedisClientConfig.Builder baseConfig() {
        return DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("enclave-care");
    }

    private RedisClient build(HostAndPort address, DefaultJedisClientConfig config) {
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
