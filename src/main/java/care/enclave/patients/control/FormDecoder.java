package care.enclave.patients.control;

import care.enclave.patients.control.PatientsException.MalformedBody;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Strict {@code application/x-www-form-urlencoded} decoding. Unlike {@code URLDecoder}, a malformed
 * escape or an escape that decodes to invalid UTF-8 is refused instead of silently replaced, and a
 * field named twice is refused instead of one value silently winning.
 */
final class FormDecoder {

    private FormDecoder() {
    }

    static Map<String, String> decode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = component(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : component(pair.substring(eq + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new MalformedBody("A field appears more than once");
            }
        }
        return fields;
    }

    private static String component(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                bytes.write(hexByte(encoded, i));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c) && i + 1 < encoded.length()) {
                    raw = encoded.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(raw);
            }
        }
        return IntakeReader.utf8(bytes.toByteArray(), "A form field is not valid UTF-8 after percent-decoding");
    }

    private static int hexByte(String encoded, int at) {
        if (at + 2 >= encoded.length()) {
            throw new MalformedBody("The form body has a truncated percent escape");
        }
        int high = Character.digit(encoded.charAt(at + 1), 16);
        int low = Character.digit(encoded.charAt(at + 2), 16);
        if (high < 0 || low < 0) {
            throw new MalformedBody("The form body has a malformed percent escape");
        }
        return (high << 4) | low;
    }
}
