package care.enclave.patients.control;

import care.enclave.patients.control.PatientsException.FieldViolation;
import care.enclave.patients.control.PatientsException.InvalidPatient;
import care.enclave.patients.entity.PatientData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an intake against the field rules and reports every violation at once, naming fields but
 * never repeating their values.
 */
public final class PatientValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_]{1,40}");
    /** Oldest birth date accepted: no living patient is older. */
    private static final int MAX_AGE_YEARS = 130;
    /** Admission "today" in another time zone may already be tomorrow here. */
    private static final int ADMISSION_SLACK_DAYS = 1;

    private PatientValidator() {
    }

    public static void requireValidId(String id) {
        if (id == null || !ID.matcher(id).matches() || id.chars().allMatch(c -> c == '.')) {
            throw new InvalidPatient(List.of(new FieldViolation("id",
                    "must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' and '-', not only dots")));
        }
    }

    public static PatientData validate(Map<String, String> form, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        form.keySet().stream()
                .filter(key -> PatientField.byKey(key).isEmpty())
                .sorted()
                .forEach(key -> violations.add(new FieldViolation(
                        SAFE_NAME.matcher(key).matches() ? key : "(unnamed)", "is not a patient field")));
        Map<PatientField, String> values = new EnumMap<>(PatientField.class);
        for (PatientField field : PatientField.values()) {
            String value = Optional.ofNullable(form.get(field.key())).map(String::strip).orElse("");
            checkField(field, value).ifPresentOrElse(
                    reason -> violations.add(new FieldViolation(field.key(), reason)),
                    () -> values.put(field, value));
        }
        checkDates(values, today, violations);
        if (!violations.isEmpty()) {
            throw new InvalidPatient(violations);
        }
        return toData(values);
    }

    private static Optional<String> checkField(PatientField field, String value) {
        if (value.isEmpty()) {
            return field.required() ? Optional.of("is required") : Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > field.maxLength()) {
            return Optional.of("must be at most " + field.maxLength() + " characters");
        }
        if (value.codePoints().anyMatch(PatientValidator::isInvisibleControl)) {
            return Optional.of("must not contain control or formatting characters");
        }
        return field.formatViolation(value);
    }

    private static boolean isInvisibleControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static void checkDates(Map<PatientField, String> values, LocalDate today, List<FieldViolation> violations) {
        Optional<LocalDate> dob = date(values, PatientField.DOB, violations);
        Optional<LocalDate> admitted = date(values, PatientField.DATEADMITTED, violations);
        if (dob.isPresent()) {
            if (dob.get().isAfter(today)) {
                violations.add(new FieldViolation("dob", "must not be in the future"));
            } else if (dob.get().isBefore(today.minusYears(MAX_AGE_YEARS))) {
                violations.add(new FieldViolation("dob", "must be within the last " + MAX_AGE_YEARS + " years"));
            }
        }
        admitted.filter(a -> a.isAfter(today.plusDays(ADMISSION_SLACK_DAYS)))
                .ifPresent(a -> violations.add(new FieldViolation("dateadmitted", "must not be in the future")));
        if (dob.isPresent() && admitted.isPresent() && admitted.get().isBefore(dob.get())) {
            violations.add(new FieldViolation("dateadmitted", "must not be before the date of birth"));
        }
    }

    private static Optional<LocalDate> date(Map<PatientField, String> values, PatientField field,
                                            List<FieldViolation> violations) {
        String text = values.get(field);
        if (text == null) {
            return Optional.empty();
        }
        Optional<LocalDate> date = PatientDates.parse(text);
        if (date.isEmpty()) {
            violations.add(new FieldViolation(field.key(), "must be a date as MM/DD/YYYY or YYYY-MM-DD"));
        }
        return date;
    }

    private static PatientData toData(Map<PatientField, String> v) {
        return new PatientData(v.get(PatientField.FNAME), v.get(PatientField.LNAME), v.get(PatientField.ADDRESS),
                v.get(PatientField.CITY), v.get(PatientField.STATE), v.get(PatientField.SSN),
                v.get(PatientField.EMAIL), v.get(PatientField.DOB), v.get(PatientField.CONTACTPHONE),
                v.get(PatientField.DRUGALLERGIES), v.get(PatientField.PREEXISTINGCONDITIONS),
                v.get(PatientField.DATEADMITTED), v.get(PatientField.INSURANCEDETAILS));
    }
}
