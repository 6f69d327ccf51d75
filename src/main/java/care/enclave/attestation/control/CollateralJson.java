package care.enclave.attestation.control;

import static care.enclave.platform.json.JsonSupport.JSON;

import care.enclave.attestation.control.AttestationFailure.Reason;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Strict readers for fields of Intel's signed collateral documents. Any missing, mistyped or out-of-range field
 * refuses the collateral (fail closed) instead of defaulting, so a gap can never read as "no requirement".
 */
final class CollateralJson {

    private CollateralJson() {
    }

    static JsonObject object(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            // JsonException and IllegalStateException, and Parsson's nesting and number limits alike.
            throw malformed();
        }
    }

    static String string(JsonObject json, String key) {
        if (json.get(key) instanceof JsonString value) {
            return value.getString();
        }
        throw malformed();
    }

    static int integer(JsonObject json, String key, int max) {
        if (json.get(key) instanceof JsonNumber number && number.isIntegral()) {
            BigInteger value = number.bigIntegerValue();
            if (value.signum() >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0) {
                return value.intValue();
            }
        }
        throw malformed();
    }

    static Instant instant(JsonObject json, String key) {
        try {
            return Instant.parse(string(json, key));
        } catch (DateTimeParseException e) {
            throw malformed();
        }
    }

    static byte[] hex(JsonObject json, String key, int length) {
        String text = string(json, key);
        if (text.length() == 2 * length && text.chars().allMatch(HexFormat::isHexDigit)) {
            return HexFormat.of().parseHex(text);
        }
        throw malformed();
    }

    static List<JsonObject> objects(JsonObject json, String key) {
        List<JsonObject> objects = new ArrayList<>();
        for (JsonValue value : array(json, key)) {
            if (!(value instanceof JsonObject object)) {
                throw malformed();
            }
            objects.add(object);
        }
        return objects;
    }

    /** Intel omits advisoryIDs where a level has none; any present entry must be a string. */
    static List<String> advisoryIds(JsonObject level) {
        if (!level.containsKey("advisoryIDs")) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonValue value : array(level, "advisoryIDs")) {
            if (!(value instanceof JsonString id)) {
                throw malformed();
            }
            ids.add(id.getString());
        }
        return List.copyOf(ids);
    }

    static JsonObject child(JsonObject json, String key) {
        if (json.get(key) instanceof JsonObject child) {
            return child;
        }
        throw malformed();
    }

    private static JsonArray array(JsonObject json, String key) {
        if (json.get(key) instanceof JsonArray array) {
            return array;
        }
        throw malformed();
    }

    static AttestationFailure malformed() {
        return new AttestationFailure(Reason.COLLATERAL_INVALID, "a collateral document is malformed");
    }
}
