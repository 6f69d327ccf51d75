package care.enclave.patients.control;

import static care.enclave.platform.json.JsonSupport.JSON;

import care.enclave.patients.control.PatientsException.FieldViolation;
import care.enclave.patients.control.PatientsException.InvalidPatient;
import care.enclave.patients.control.PatientsException.MalformedBody;
import care.enclave.patients.control.PatientsException.UnsupportedContentType;
import care.enclave.platform.problem.BoundedBody;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an intake body, form-encoded (the seed's format) or JSON, into field names and values. The
 * body is bounded, must be valid UTF-8, may name each field only once and may hold only strings.
 */
public final class IntakeReader {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private IntakeReader() {
    }

    public static Map<String, String> read(String contentType, InputStream body) {
        String type = mediaType(contentType);
        String text = utf8(BoundedBody.read(body, MAX_BODY_BYTES), "The request body is not valid UTF-8");
        return switch (type) {
            case "application/x-www-form-urlencoded" -> FormDecoder.decode(text);
            case "application/json" -> json(text);
            default -> throw new UnsupportedContentType();
        };
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            throw new UnsupportedContentType();
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter[0].equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new UnsupportedContentType();
            }
        }
        return parts[0].strip().toLowerCase(Locale.ROOT);
    }

    static String utf8(byte[] bytes, String complaint) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBody(complaint);
        }
    }

    /**
     * A flat JSON object of strings; null counts as absent. Non-string values are reported per field,
     * duplicates and anything after the object are refused.
     */
    private static Map<String, String> json(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<FieldViolation> wrongTypes = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedBody("The JSON body must be an object of patient fields");
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                if (fields.containsKey(key)) {
                    throw new MalformedBody("A field appears more than once");
                }
                JsonParser.Event value = parser.next();
                fields.put(key, value == JsonParser.Event.VALUE_STRING ? parser.getString() : null);
                if (value != JsonParser.Event.VALUE_STRING && value != JsonParser.Event.VALUE_NULL) {
                    skipStructure(parser, value);
                    PatientField.byKey(key).ifPresent(f -> wrongTypes.add(new FieldViolation(f.key(), "must be a string")));
                }
            }
            if (parser.hasNext()) {
                throw new MalformedBody("Nothing may follow the JSON object");
            }
        } catch (JsonParsingException | NoSuchElementException | IllegalStateException e) {
            throw new MalformedBody("The request body is not well-formed JSON");
        }
        if (!wrongTypes.isEmpty()) {
            throw new InvalidPatient(wrongTypes);
        }
        return fields;
    }

    private static void skipStructure(JsonParser parser, JsonParser.Event value) {
        if (value == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
        }
    }
}
