package care.enclave.patients.control;

import static care.enclave.platform.json.JsonSupport.JSON;

import care.enclave.patients.control.PatientsException.RecordUnreadable;
import care.enclave.patients.control.PatientsException.StoreUnavailable;
import care.enclave.patients.entity.Patient;
import care.enclave.platform.crypto.Envelope;
import care.enclave.platform.crypto.EnvelopeException;
import care.enclave.platform.keys.DataKey;
import care.enclave.platform.keys.KeyException;
import care.enclave.platform.keys.KeyProvider;
import care.enclave.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import javax.crypto.Mac;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Patients in Redis. The Redis key is {@code patient:} + HMAC-SHA-256(index key, id), so ids (which may
 * be SSNs) never reach Redis; the value is an AES-256-GCM envelope whose associated data binds it to that
 * key and its key version. Creation is one {@code SET NX}: atomic, so a record is never overwritten.
 */
@ApplicationScoped
public class PatientStore {

    private static final String KEY_PREFIX = "patient:";

    @Inject
    RedisConnection redis;

    @Inject
    KeyProvider keys;

    /** @return false when a record with this id already exists (it is left untouched) */
    public boolean create(Patient patient) {
        byte[] key = redisKey(patient.id());
        DataKey dataKey = keys.currentDataKey();
        byte[] plaintext = PatientJson.patient(patient).toString().getBytes(StandardCharsets.UTF_8);
        byte[] envelope = Envelope.seal(dataKey.key(), dataKey.version(), plaintext, key);
        return "OK".equals(redis(() -> redis.client().set(key, envelope, SetParams.setParams().nx())));
    }

    public Optional<Patient> find(String id) {
        byte[] key = redisKey(id);
        byte[] envelope = redis(() -> redis.client().get(key));
        return envelope == null ? Optional.empty() : Optional.of(open(key, envelope));
    }

    public boolean exists(String id) {
        byte[] key = redisKey(id);
        return redis(() -> redis.client().exists(key));
    }

    RedisConnection connection() {
        return redis;
    }

    private Patient open(byte[] key, byte[] envelope) {
        try {
            byte[] plaintext = Envelope.open(keys.dataKey(Envelope.keyVersion(envelope)), envelope, key);
            try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(plaintext))) {
                return PatientJson.fromJson(reader.readObject());
            }
        } catch (EnvelopeException | KeyException | JsonException | ClassCastException | NullPointerException e) {
            throw new RecordUnreadable();
        }
    }

    byte[] redisKey(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.indexKey());
            byte[] digest = mac.doFinal(("patient-id:" + id).getBytes(StandardCharsets.UTF_8));
            return (KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PatientStore: HmacSHA256 unavailable");
        }
    }

    /** Every Redis failure (down, timeout, loading, out of memory) is the same outcome for a caller: retry. */
    <T> T redis(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException e) {
            redis.discardIdleConnections();
            throw new StoreUnavailable();
        } catch (JedisException e) {
            throw new StoreUnavailable();
        }
    }
}
