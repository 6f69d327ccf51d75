package it.care.enclave;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the integration tests sent and got back, kept for the leak scan that runs after all of them: every
 * patient id and field value they submitted (one per line in {@code patient-values.txt}) and every error
 * response body they received ({@code error-responses.txt}), under {@code it.trail.dir}. {@link Http}
 * records both for every request it sends, so no test has to remember to.
 *
 * <p>Values shorter than {@link #MIN_NEEDLE_LENGTH} characters are not recorded: words like "Jane" or
 * "Oslo" occur by chance in class names, log texts and ciphertext, and would make the scan fail without a
 * leak. Every test that checks for leaks uses long, random markers.
 */
public final class ItTrail {

    public static final int MIN_NEEDLE_LENGTH = 8;
    private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

    private ItTrail() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("it.trail.dir", "target/it-trail"));
    }

    public static Path patientValuesFile() {
        return dir().resolve("patient-values.txt");
    }

    public static Path errorResponsesFile() {
        return dir().resolve("error-responses.txt");
    }

    /** A patient request: the id from the path and every field value of a form or JSON body. */
    public static void patientRequest(String path, String body) {
        List<String> values = new ArrayList<>();
        String id = path.substring(path.indexOf("/patient/") + "/patient/".length());
        values.add(id.split("[/?]", 2)[0]);
        values.addAll(body != null && body.stripLeading().startsWith("{") ? jsonValues(body) : formValues(body));
        patientValues(values);
    }

    /** Ids or values a test used with the platform by other means than {@link Http}. */
    public static void patientValues(List<String> values) {
        List<String> fresh = new ArrayList<>();
        for (String value : values) {
            String v = value == null ? "" : value.strip();
            if (v.length() >= MIN_NEEDLE_LENGTH && v.indexOf('\n') < 0 && RECORDED.add(v)) {
                fresh.add(v);
            }
        }
        if (!fresh.isEmpty()) {
            append(patientValuesFile(), String.join("\n", fresh) + "\n");
        }
    }

    /** An error response's body, one line (newlines escaped) with its status. */
    public static void errorResponse(int status, String body) {
        if (body != null && !body.isEmpty()) {
            append(errorResponsesFile(), status + " " + body.replace("\\", "\\\\").replace("\n", "\\n") + "\n");
        }
    }

    public static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> formValues(String body) {
        List<String> values = new ArrayList<>();
        if (body == null) {
            return values;
        }
        for (String pair : body.split("&")) {
            String value = pair.substring(pair.indexOf('=') + 1);
            values.add(value);
            try {
                values.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notEncoded) {
                // The raw value is recorded already.
            }
        }
        return values;
    }

    private static List<String> jsonValues(String body) {
        List<String> values = new ArrayList<>();
        try {
            JsonObject object = Json.createReader(new StringReader(body)).readObject();
            for (JsonValue value : object.values()) {
                if (value instanceof JsonString text) {
                    values.add(text.getString());
                }
            }
        } catch (RuntimeException notJson) {
            // A malformed body: its values never reached the platform as fields.
        }
        return values;
    }

    private static synchronized void append(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
