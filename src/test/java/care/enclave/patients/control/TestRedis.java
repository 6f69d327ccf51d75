package care.enclave.patients.control;

import care.enclave.platform.keys.KeyProvider;
import care.enclave.platform.redis.EmbeddedRedis;
import care.enclave.platform.redis.RedisConnection;

import java.nio.file.Path;
import java.util.Optional;

/** Wires the store to a real Redis outside the container, as CDI would inside it. */
final class TestRedis {

    private TestRedis() {
    }

    static RedisConnection connect(String url, Optional<String> caFile, Path dataDir) {
        return RedisConnection.connect(url, caFile, 1000, 16, dataDir);
    }

    static RedisConnection connect(EmbeddedRedis redis, Path dataDir) {
        return connect("redis://:" + redis.password() + "@127.0.0.1:" + redis.port(), Optional.empty(), dataDir);
    }

    static PatientStore store(RedisConnection connection, Path dataDir) {
        PatientStore store = new PatientStore();
        store.redis = connection;
        store.keys = KeyProvider.openDevelopment(dataDir);
        return store;
    }
}
