package care.enclave.patients.control;

import care.enclave.patients.control.PatientsException.FieldViolation;
import care.enclave.patients.control.PatientsException.InvalidPatient;
import care.enclave.patients.entity.PatientData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    /** The seed's curl request, field by field. */
    static Map<String, String> seed() {
        Map<String, String> form = new HashMap<>();
        form.put("fname", "Jane");
        form.put("lname", "Doe");
        form.put("address", "'123 Main Street'");
        form.put("city", "Richmond");
        form.put("state", "Washington");
        form.put("ssn", "123-223-2345");
        form.put("email", "nr@aaa.com");
        form.put("dob", "01/01/2010");
        form.put("contactphone", "123-234-3456");
        form.put("drugallergies", "'Sulpha, Penicillin, Tree Nut'");
        form.put("preexistingconditions", "'diabetes, hypertension, asthma'");
        form.put("dateadmitted", "01/05/2010");
        form.put("insurancedetails", "'Primera Blue Cross'");
        return form;
    }

    private static List<FieldViolation> violations(Map<String, String> form) {
        return assertThrows(InvalidPatient.class, () -> PatientValidator.validate(form, TODAY)).violations();
    }

    private static FieldViolation only(Map<String, String> form) {
        List<FieldViolation> all = violations(form);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void seedRequestIsValidAndKeptVerbatim() {
        PatientData data = PatientValidator.validate(seed(), TODAY);

        assertEquals("'123 Main Street'", data.address());
        assertEquals("01/01/2010", data.dob());
    }

    @Test
    void isoDatesAndMissingOptionalFieldsAreAccepted() {
        Map<String, String> form = seed();
        form.put("dob", "1970-02-28");
        form.put("dateadmitted", "2026-11-21");
        form.remove("drugallergies");
        form.remove("insurancedetails");

        assertEquals("", PatientValidator.validate(form, TODAY).drugallergies());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fname", "lname", "address", "city", "state", "ssn", "email", "dob", "contactphone",
            "dateadmitted"})
    void everyRequiredFieldIsNamedWhenMissing(String field) {
        Map<String, String> form = seed();
        form.put(field, "   ");

        assertEquals(new FieldViolation(field, "is required"), only(form));
    }

    @ParameterizedTest
    @CsvSource({"ssn,12", "ssn,12#45", "email,nr.aaa.com", "email,nr@aaa", "contactphone,12345",
            "contactphone,call me", "dob,13/01/2010", "dob,2010-02-30", "dob,01-01-2010", "dateadmitted,02/30/2011"})
    void malformedValuesNameTheirFieldButNotTheValue(String field, String value) {
        Map<String, String> form = seed();
        form.put(field, value);

        FieldViolation violation = only(form);
        assertEquals(field, violation.field());
        assertFalse(violation.reason().contains(value));
    }

    @Test
    void lengthsAreBounded() {
        Map<String, String> form = seed();
        form.put("fname", "J".repeat(101));
        form.put("preexistingconditions", "x".repeat(1001));

        assertEquals(List.of("fname", "preexistingconditions"),
                violations(form).stream().map(FieldViolation::field).toList());
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreRefused() {
        Map<String, String> form = seed();
        form.put("fname", "Ja\u0000ne");
        form.put("lname", "Doe\u202Egnirts");

        assertEquals(List.of("fname", "lname"), violations(form).stream().map(FieldViolation::field).toList());
    }

    @Test
    void birthInTheFutureIsRefused() {
        Map<String, String> form = seed();
        form.put("dob", "2026-11-22");
        form.put("dateadmitted", "2026-11-22");

        assertEquals(new FieldViolation("dob", "must not be in the future"), only(form));
    }

    @Test
    void admissionBeforeBirthIsRefused() {
        Map<String, String> form = seed();
        form.put("dateadmitted", "12/31/2009");

        assertEquals(new FieldViolation("dateadmitted", "must not be before the date of birth"), only(form));
    }

    @Test
    void unknownFieldsAreNamedOnlyWhenTheNameIsHarmless() {
        Map<String, String> form = seed();
        form.put("favourite_colour", "blue");
        form.put("<script>alert(1)</script>", "x");

        assertEquals(List.of("(unnamed)", "favourite_colour"),
                violations(form).stream().map(FieldViolation::field).sorted().toList());
    }

    @Test
    void allViolationsAreReportedAtOnce() {
        Map<String, String> form = seed();
        form.put("email", "x");
        form.put("dob", "yesterday");
        form.remove("city");

        assertEquals(3, violations(form).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"patient_3", "a", "A-Z.0_9", "x234567890123456789012345678901234567890123456789012345678901234"})
    void wellFormedIdsPass(String id) {
        assertDoesNotThrow(() -> PatientValidator.requireValidId(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "a/b", "a b", "%2e", "é", "x2345678901234567890123456789012345678901234567890123456789012345", "id\n"})
    void malformedIdsAreRefused(String id) {
        InvalidPatient failure = assertThrows(InvalidPatient.class, () -> PatientValidator.requireValidId(id));
        assertEquals("id", failure.violations().get(0).field());
        assertTrue(failure.getMessage().startsWith("Invalid patient data"));
    }
}
