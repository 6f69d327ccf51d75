package care.enclave.patients.control;

import care.enclave.platform.problem.InvalidRequest;
import care.enclave.patients.control.PatientsException.InvalidPatient;
import care.enclave.patients.control.PatientsException.MalformedBody;
import care.enclave.patients.control.PatientsException.UnsupportedContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntakeReaderTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";
    /** The seed's curl -d body, unencoded spaces and quotes included. */
    static final String SEED_BODY = "fname=Jane&lname=Doe&address='123 Main Street'&city=Richmond&state=Washington"
            + "&ssn=123-223-2345&email=nr@aaa.com&dob=01/01/2010&contactphone=123-234-3456"
            + "&drugallergies='Sulpha, Penicillin, Tree Nut'&preexistingconditions='diabetes, hypertension, asthma'"
            + "&dateadmitted=01/05/2010&insurancedetails='Primera Blue Cross'";

    private static Map<String, String> read(String type, byte[] body) {
        return IntakeReader.read(type, new ByteArrayInputStream(body));
    }

    private static Map<String, String> read(String type, String body) {
        return read(type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void seedFormBodyIsReadAsSent() {
        Map<String, String> fields = read(FORM, SEED_BODY);

        assertEquals(13, fields.size());
        assertEquals("'Sulpha, Penicillin, Tree Nut'", fields.get("drugallergies"));
        assertEquals(PatientValidatorTest.seed(), fields);
    }

    @Test
    void percentEscapesAndPlusSignsAreDecoded() {
        Map<String, String> fields = read(FORM + "; charset=UTF-8", "fname=Ren%C3%A9e+Anne&lname=O%27Brien");

        assertEquals("Renée Anne", fields.get("fname"));
        assertEquals("O'Brien", fields.get("lname"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fname=%", "fname=%4", "fname=%zz", "fname=%C3%28", "fname=a&fname=b"})
    void malformedFormBodiesAreRefused(String body) {
        assertThrows(MalformedBody.class, () -> read(FORM, body));
    }

    @Test
    void invalidUtf8IsRefused() {
        assertThrows(MalformedBody.class, () -> read(FORM, new byte[]{'f', '=', (byte) 0xC3, (byte) 0x28}));
    }

    @Test
    void jsonBodiesAreReadWithNullAsAbsent() {
        Map<String, String> fields = read(JSON, "{\"fname\":\"Jane\",\"drugallergies\":null}");

        assertEquals("Jane", fields.get("fname"));
        assertEquals(null, fields.get("drugallergies"));
    }

    @Test
    void wrongJsonTypesAreNamedPerField() {
        InvalidPatient failure = assertThrows(InvalidPatient.class,
                () -> read(JSON, "{\"fname\":1,\"dob\":{\"y\":2010},\"lname\":[\"D\"],\"extra\":true}"));

        assertEquals(3, failure.violations().size());
        assertEquals("fname", failure.violations().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"x\"", "{", "{\"fname\":\"a\"} trailing", "{\"fname\":\"a\",\"fname\":\"b\"}",
            "{\"fname\" \"a\"}"})
    void malformedJsonIsRefused(String body) {
        assertThrows(MalformedBody.class, () -> read(JSON, body));
    }

    @Test
    void oversizedBodiesAreRefusedWithoutReadingThemWhole() {
        byte[] body = new byte[IntakeReader.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(body, (byte) 'a');

        assertEquals(true, assertThrows(InvalidRequest.class, () -> read(FORM, body)).tooLarge());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1"})
    void otherMediaTypesAreRefused(String type) {
        assertThrows(UnsupportedContentType.class, () -> read(type, "{}"));
    }

    @Test
    void missingContentTypeIsRefused() {
        assertThrows(UnsupportedContentType.class, () -> read(null, "fname=a"));
    }
}
