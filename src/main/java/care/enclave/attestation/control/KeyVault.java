package care.enclave.attestation.control;

import care.enclave.platform.attestation.Expectations;
import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.platform.keys.SealedFiles;
import care.enclave.platform.keys.SealingKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Named keys that are released only to attested enclaves (the stand-in for Azure Key Vault's secure key
 * release): each key has a release policy (allowed MRENCLAVE/MRSIGNER, debug allowed or not). Keys are kept
 * sealed on disk; nothing here ever writes one in plaintext.
 */
@ApplicationScoped
public class KeyVault {

    @Inject
    SealingKeys sealing;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    private final Map<String, Entry> keys = new LinkedHashMap<>();

    /** A key's material and the policy a token must meet to receive it. */
    public record Entry(byte[] material, Expectations releasePolicy) {
    }

    @PostConstruct
    synchronized void open() {
        SealedFiles.read(file(), sealing.forPurpose("key-vault")).ifPresent(this::load);
    }

    public synchronized Entry get(String name) {
        Entry entry = keys.get(name);
        if (entry == null) {
            throw new AttestationFailure(Reason.KEY_NOT_FOUND, "no key with this name");
        }
        return entry;
    }

    public synchronized void createIfAbsent(String name, Supplier<byte[]> material, Expectations releasePolicy) {
        if (!keys.containsKey(name)) {
            keys.put(name, new Entry(material.get(), releasePolicy));
            save();
        }
    }

    /** Creates the key if absent, and gives it this release policy either way (configuration is authoritative). */
    public synchronized void provision(String name, Supplier<byte[]> material, Expectations releasePolicy) {
        Entry existing = keys.get(name);
        if (existing == null || !existing.releasePolicy().equals(releasePolicy)) {
            keys.put(name, new Entry(existing == null ? material.get() : existing.material(), releasePolicy));
            save();
        }
    }

    /** Replaces a key's material (rotation), keeping its release policy. */
    public synchronized void update(String name, byte[] material) {
        keys.put(name, new Entry(material, get(name).releasePolicy()));
        save();
    }

    private Path file() {
        return Path.of(dataDir, "attestation", "key-vault.sealed");
    }

    private void save() {
        JsonObjectBuilder stored = JSON.createObjectBuilder();
        keys.forEach((name, entry) -> stored.add(name, JSON.createObjectBuilder()
                .add("material", Base64.getEncoder().encodeToString(entry.material()))
                .add("allowedMrEnclaves", JSON.createArrayBuilder(entry.releasePolicy().allowedMrEnclaves()))
                .add("allowedMrSigners", JSON.createArrayBuilder(entry.releasePolicy().allowedMrSigners()))
                .add("allowDebug", entry.releasePolicy().allowDebug())));
        SealedFiles.write(file(), sealing.forPurpose("key-vault"),
                stored.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private void load(byte[] sealed) {
        JsonObject stored = JSON.createReader(new ByteArrayInputStream(sealed)).readObject();
        stored.forEach((name, value) -> {
            JsonObject entry = value.asJsonObject();
            keys.put(name, new Entry(Base64.getDecoder().decode(entry.getString("material")),
                    new Expectations(strings(entry, "allowedMrEnclaves"), strings(entry, "allowedMrSigners"),
                            entry.getBoolean("allowDebug"))));
        });
    }

    private static List<String> strings(JsonObject entry, String name) {
        return entry.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
