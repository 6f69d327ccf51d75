package care.enclave.platform.json;

import care.enclave.platform.problem.BoundedBody;
import care.enclave.platform.problem.InvalidRequest;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static care.enclave.platform.json.JsonSupport.JSON;

/** Reads a bounded, UTF-8, well-formed JSON object from a request body, or refuses it as 400/413. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject readObject(InputStream body, int maxBytes) {
        return readObject(BoundedBody.read(body, maxBytes));
    }

    /** As {@link #readObject(InputStream, int)}, and a key repeated within any object is refused too (400). */
    public static JsonObject readObjectWithUniqueKeys(InputStream body, int maxBytes) {
        byte[] bytes = BoundedBody.read(body, maxBytes);
        JsonObject object = readObject(bytes);
        UniqueKeys.require(bytes);
        return object;
    }

    private static JsonObject readObject(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("The request body is not valid UTF-8");
        }
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            throw new InvalidRequest("The request body is not a well-formed JSON object");
        } catch (JsonException e) {
            throw new InvalidRequest("The request body is not a JSON object");
        } catch (RuntimeException beyondParserLimits) {
            // Parsson refuses nesting deeper than its limit with a bare RuntimeException and numbers beyond its
            // BigDecimal scale limit with UnsupportedOperationException: the body's fault, not the server's.
            throw new InvalidRequest("The request body exceeds the JSON nesting or number limits");
        }
    }
}
