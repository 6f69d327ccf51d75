package care.enclave.audit.control;

import care.enclave.audit.entity.Actor;
import care.enclave.audit.entity.AuditEntry;
import care.enclave.audit.entity.ChainHead;
import care.enclave.platform.crypto.Envelope;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import javax.crypto.SecretKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Entries and the chain head as JSON, and as the AES-256-GCM envelopes stored in Redis: whoever reads
 * Redis sees how many entries there are and nothing else. The envelope's context says what it holds, so
 * a head cannot pass for an entry or the other way round.
 */
public final class AuditCodec {

    private static final byte[] ENTRY = "enclave-care/audit/entry".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD = "enclave-care/audit/head".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private AuditCodec() {
    }

    public static byte[] sealEntry(SecretKey key, AuditEntry entry) {
        return Envelope.seal(key, 1, json(entry).toString().getBytes(StandardCharsets.UTF_8), ENTRY);
    }

    /** The entry, or empty when the stored bytes are not an entry sealed under this key. */
    public static Optional<AuditEntry> openEntry(SecretKey key, byte[] stored) {
        return open(key, stored, ENTRY).flatMap(AuditCodec::entry);
    }

    public static byte[] sealHead(SecretKey key, ChainHead head) {
        String json = JSON.createObjectBuilder().add("seq", head.seq()).add("mac", B64.encodeToString(head.mac()))
                .build().toString();
        return Envelope.seal(key, 1, json.getBytes(StandardCharsets.UTF_8), HEAD);
    }

    public static Optional<ChainHead> openHead(SecretKey key, byte[] stored) {
        return open(key, stored, HEAD).flatMap(plain -> {
            try {
                JsonObject json = read(plain);
                return Optional.of(new ChainHead(json.getJsonNumber("seq").longValueExact(), bytes(json, "mac")));
            } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                     | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The entry as auditors read it; empty optional fields are left out. */
    public static JsonObject json(AuditEntry e) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("seq", e.seq())
                .add("time", e.time().toString())
                .add("actor", JSON.createObjectBuilder().add("kind", e.actor().kind()).add("name", e.actor().name()))
                .add("action", e.action())
                .add("outcome", e.outcome());
        optional(json, "subject", e.subject());
        optional(json, "target", e.target());
        optional(json, "reason", e.reason());
        optional(json, "correlationId", e.correlation());
        return json.add("prev", B64.encodeToString(e.prev())).add("mac", B64.encodeToString(e.mac())).build();
    }

    static Optional<AuditEntry> entry(byte[] plain) {
        try {
            JsonObject json = read(plain);
            JsonObject actor = json.getJsonObject("actor");
            return Optional.of(new AuditEntry(json.getJsonNumber("seq").longValueExact(),
                    Instant.parse(json.getString("time")), new Actor(actor.getString("kind"), actor.getString("name")),
                    json.getString("action"), json.getString("subject", ""), json.getString("target", ""),
                    json.getString("outcome"), json.getString("reason", ""), json.getString("correlationId", ""),
                    bytes(json, "prev"), bytes(json, "mac")));
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException
                 | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> open(SecretKey key, byte[] stored, byte[] context) {
        try {
            return Optional.of(Envelope.open(key, stored, context));
        } catch (RuntimeException tamperedOrForeign) {
            return Optional.empty();
        }
    }

    private static JsonObject read(byte[] plain) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(plain))) {
            return reader.readObject();
        }
    }

    private static byte[] bytes(JsonObject json, String name) {
        return Base64.getUrlDecoder().decode(json.getString(name));
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (!value.isEmpty()) {
            json.add(name, value);
        }
    }
}
