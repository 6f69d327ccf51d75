package care.enclave.platform.keys;

import static care.enclave.platform.json.JsonSupport.JSON;

import care.enclave.platform.crypto.Envelope;
import care.enclave.platform.crypto.EnvelopeException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonException;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's symmetric keys: versioned data keys (the newest seals, all open) and the index key that
 * turns record ids into Redis keys. The index key never rotates, because every stored record is found
 * through it. The ring lives in one file sealed under the master key; it is never written in plaintext.
 */
public final class KeyRing {

    static final String FILE_NAME = "keyring.sealed";
    private static final byte[] CONTEXT = "enclave-care/keyring/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey indexKey;
    private final TreeMap<Integer, SecretKey> dataKeys;

    private KeyRing(SecretKey indexKey, Map<Integer, SecretKey> dataKeys) {
        this.indexKey = indexKey;
        this.dataKeys = new TreeMap<>(dataKeys);
    }

    public static KeyRing generate() {
        return new KeyRing(newKey("HmacSHA256"), Map.of(1, newKey("AES")));
    }

    /** Loads the sealed ring, or creates and seals a new one at first start. */
    public static KeyRing loadOrCreate(Path dir, SecretKey kek) {
        Path file = dir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return load(file, kek);
        }
        KeyRing ring = generate();
        ring.save(dir, kek);
        return ring;
    }

    static KeyRing load(Path file, SecretKey kek) {
        try {
            return fromJson(Envelope.open(kek, Files.readAllBytes(file), CONTEXT));
        } catch (IOException e) {
            throw new KeyException("KeyRing: key ring file is not readable");
        } catch (EnvelopeException e) {
            throw new KeyException("KeyRing: key ring does not open under this master key");
        }
    }

    void save(Path dir, SecretKey kek) {
        try {
            SecureFiles.writeAtomically(dir.resolve(FILE_NAME), Envelope.seal(kek, 1, toJson(), CONTEXT));
        } catch (IOException e) {
            throw new KeyException("KeyRing: cannot write the key ring file");
        }
    }

    public SecretKey indexKey() {
        return indexKey;
    }

    public DataKey current() {
        Map.Entry<Integer, SecretKey> newest = dataKeys.lastEntry();
        return new DataKey(newest.getKey(), newest.getValue());
    }

    public SecretKey dataKey(int version) {
        SecretKey key = dataKeys.get(version);
        if (key == null) {
            throw new KeyException("KeyRing: no data key with version " + version);
        }
        return key;
    }

    /** A new ring whose newest data key is fresh; older versions stay so existing records still open. */
    KeyRing rotated() {
        TreeMap<Integer, SecretKey> keys = new TreeMap<>(dataKeys);
        keys.put(dataKeys.lastKey() + 1, newKey("AES"));
        return new KeyRing(indexKey, keys);
    }

    /** The ring as bytes, for a key vault that seals or wraps it itself. */
    public byte[] toBytes() {
        return toJson();
    }

    public static KeyRing fromBytes(byte[] json) {
        return fromJson(json);
    }

    private byte[] toJson() {
        JsonObjectBuilder data = JSON.createObjectBuilder();
        dataKeys.forEach((version, key) -> data.add(String.valueOf(version), encode(key)));
        return JSON.createObjectBuilder()
                .add("index", encode(indexKey))
                .add("data", data)
                .build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static KeyRing fromJson(byte[] json) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(json))) {
            JsonObject ring = reader.readObject();
            Map<Integer, SecretKey> data = new TreeMap<>();
            ring.getJsonObject("data").forEach((version, key) ->
                    data.put(Integer.parseInt(version), decode(((jakarta.json.JsonString) key).getString(), "AES")));
            if (data.isEmpty()) {
                throw new KeyException("KeyRing: key ring holds no data key");
            }
            return new KeyRing(decode(ring.getString("index"), "HmacSHA256"), data);
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new KeyException("KeyRing: key ring content is malformed");
        }
    }

    private static SecretKey newKey(String algorithm) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, algorithm);
    }

    private static String encode(SecretKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static SecretKey decode(String encoded, String algorithm) {
        return new SecretKeySpec(Base64.getDecoder().decode(encoded), algorithm);
    }
}
