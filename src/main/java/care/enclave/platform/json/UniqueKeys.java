package care.enclave.platform.json;

import care.enclave.platform.problem.InvalidRequest;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Refuses JSON that repeats a key within one object. RFC 8259 leaves duplicates undefined and JSON-P keeps
 * the last, so {@code {"allowDebug":false,"allowDebug":true}} would read as something a reviewer of the
 * document did not see; the event stream shows every key, so the repetition is caught before a model exists.
 */
final class UniqueKeys {

    private static final String SAFE_NAME = "[A-Za-z][A-Za-z0-9_]{0,39}";

    private UniqueKeys() {
    }

    /**
     * Call on bytes a JSON reader accepted. The event stream is stricter than the reader, which stops after the
     * object: anything after it (a stray control character) is refused here as malformed, not a server failure.
     */
    static void require(byte[] json) {
        try {
            scan(json);
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException malformed) {
            throw new InvalidRequest("The request body is not a well-formed JSON object");
        }
    }

    private static void scan(byte[] json) {
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(json))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case KEY_NAME -> {
                        String key = parser.getString();
                        if (!objects.peek().add(key)) {
                            throw new InvalidRequest("The request body repeats the key "
                                    + (key.matches(SAFE_NAME) ? key : "(unnamed)"));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }
}
