package care.enclave.platform.crypto;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The wire form of an exchange: a request {@code {"enc": b64url, "ciphertext": b64url}} and a response
 * {@code {"ciphertext": b64url}}, in unpadded base64url (RFC 4648 section 5). Decoding is strict (one
 * object, exactly these members, strings only, no repeated names, canonical base64url, plausible sizes), so
 * a malformed message is refused here rather than somewhere inside the cipher.
 */
public final class SealedExchangeJson {

    private static final String ENC = "enc";
    private static final String CIPHERTEXT = "ciphertext";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SealedExchangeJson() {
    }

    public static String encodeRequest(SealedExchange.Sealed sealed) {
        return encodeRequest(sealed.enc(), sealed.ciphertext());
    }

    public static String encodeRequest(byte[] enc, byte[] ciphertext) {
        return JSON.createObjectBuilder()
                .add(ENC, ENCODER.encodeToString(enc))
                .add(CIPHERTEXT, ENCODER.encodeToString(ciphertext))
                .build().toString();
    }

    public static Request decodeRequest(String json) {
        Map<String, String> members = members(json, Set.of(ENC, CIPHERTEXT));
        byte[] enc = bytes(members.get(ENC));
        byte[] ciphertext = bytes(members.get(CIPHERTEXT));
        if (!P256Keys.isUncompressedPoint(enc)) {
            throw new SealedExchangeException("enc is not a 65-byte uncompressed P-256 point");
        }
        if (ciphertext.length < SealedExchange.TAG_LENGTH) {
            throw new SealedExchangeException("request ciphertext is too short");
        }
        return new Request(enc, ciphertext);
    }

    public static String encodeResponse(byte[] sealedResponse) {
        return JSON.createObjectBuilder().add(CIPHERTEXT, ENCODER.encodeToString(sealedResponse)).build().toString();
    }

    public static byte[] decodeResponse(String json) {
        byte[] sealedResponse = bytes(members(json, Set.of(CIPHERTEXT)).get(CIPHERTEXT));
        if (sealedResponse.length < ResponseCipher.SALT_LENGTH + ResponseCipher.TAG_LENGTH) {
            throw new SealedExchangeException("sealed response is too short");
        }
        return sealedResponse;
    }

    /**
     * Reads one flat object of string members by events. A JsonReader would do, except that JSON-P
     * implementations differ on repeated names and on data after the object (Parsson accepts both).
     */
    private static Map<String, String> members(String json, Set<String> expected) {
        if (json == null) {
            throw new SealedExchangeException("message is missing");
        }
        Map<String, String> members = new HashMap<>();
        try (JsonParser parser = JSON.createParser(new StringReader(json))) {
            require(parser.next() == JsonParser.Event.START_OBJECT, "message is not a JSON object");
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String name = parser.getString();
                require(parser.next() == JsonParser.Event.VALUE_STRING, "message member is not a string");
                require(members.put(name, parser.getString()) == null, "message repeats a member");
            }
            require(!parser.hasNext(), "message has data after the object");
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            // JsonParsingException is a JsonException.
            throw new SealedExchangeException("message is not well-formed JSON");
        }
        require(members.keySet().equals(expected), "message does not have exactly the expected members");
        return members;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new SealedExchangeException(reason);
        }
    }

    private static byte[] bytes(String text) {
        try {
            byte[] decoded = DECODER.decode(text);
            // The JDK decoder also takes padding and non-zero trailing bits; only the canonical form passes.
            if (ENCODER.encodeToString(decoded).equals(text)) {
                return decoded;
            }
        } catch (IllegalArgumentException e) {
            // Refused below, with the same message as a non-canonical encoding.
        }
        throw new SealedExchangeException("message member is not canonical unpadded base64url");
    }

    /** A decoded request, checked for sizes but not yet opened. */
    public static final class Request {

        private final byte[] enc;
        private final byte[] ciphertext;

        private Request(byte[] enc, byte[] ciphertext) {
            this.enc = enc;
            this.ciphertext = ciphertext;
        }

        public byte[] enc() {
            return enc.clone();
        }

        public byte[] ciphertext() {
            return ciphertext.clone();
        }
    }
}
