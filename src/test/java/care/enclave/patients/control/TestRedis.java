package care.enclave.patients.control;

import care.enclave.platform.keys.KeyProvider;
import care.enclave.platform.redis.EmbeddedRedis;

import java.nio.file.Path;
import java.util.Optional;

/** Wires the store to a real Redis outside the container, as CDI would inside it. */
final class TestRedis {

    private TestRedis() {
    }

    static RedisConnection connect(String url, Optional<String> caFile, Path dataDir) {
        RedisConnection connection = new RedisConnection();
        connection.url = Optional.of(url);
        connection.caFile = caFile;
        connection.timeoutMillis = 1000;
        connection.poolSize = 16;
        connection.healthTimeoutMillis = 500;
        connection.dataDir = dataDir.toString();
        connection.connect();
        return connection;
    }

    static RedisConnection connect(EmbeddedRedis redis, Path dataDir) {
        return connect("redis://:" + redis.password() + "@127.0.0.1:" + redis.port(), Optional.empty(), dataDir);
    }

    static PatientStore store(RedisConnection connection, Path dataDir) {
        PatientStore store = new PatientStore();
        store.redis = connection;
        store.keys = KeyProvider.openDevelopment(dataDir);
        store.metrics = care.enclave.platform.metrics.AppMetrics.none();
        return store;
    }
}
