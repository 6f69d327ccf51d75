package care.enclave.patients.control;

import care.enclave.patients.entity.Patient;
import care.enclave.platform.keys.KeyProvider;
import care.enclave.platform.redis.EmbeddedRedis;
import care.enclave.platform.redis.RedisConnection;
import redis.clients.jedis.RedisClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The patients module's store wired by hand for the benchmarks, as CDI wires it in the server: the
 * production pool size and timeout, a real Redis, the development key ring.
 */
public final class BenchPatients implements AutoCloseable {

    private final RedisConnection connection;
    private final PatientStore store;

    public BenchPatients(EmbeddedRedis redis, Path dataDir) {
        connection = RedisConnection.connect("redis://:" + redis.password() + "@127.0.0.1:" + redis.port(),
                Optional.empty(), 2000, 64, dataDir);
        store = TestRedis.store(connection, dataDir);
    }

    /** The seed's record, validated and scored exactly as an intake would be. */
    public static Patient patient(String id) {
        return PatientStoreRedisTest.patient(id, "123-223-2345");
    }

    /** The plaintext the store seals for a record: its JSON. */
    public static byte[] recordJson(Patient patient) {
        return PatientJson.patient(patient).toString().getBytes(StandardCharsets.UTF_8);
    }

    public PatientStore store() {
        return store;
    }

    public KeyProvider keys() {
        return store.keys;
    }

    /** The pooled client the store uses, for the bare round trips it is compared with. */
    public RedisClient client() {
        return connection.client();
    }

    public byte[] redisKey(String id) {
        return store.redisKey(id);
    }

    /** Only the id-to-key derivation, for the HMAC benchmark: no Redis. */
    public static final class KeyOnly {

        private final PatientStore store = new PatientStore();

        public KeyOnly(KeyProvider keys) {
            store.keys = keys;
        }

        public byte[] redisKey(String id) {
            return store.redisKey(id);
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
