package care.enclave.patients.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The thirteen intake fields and their rules. Formats are deliberately permissive where hospitals
 * differ (identifiers, phone numbers) and strict where a wrong value would mislead (dates, e-mail).
 */
public enum PatientField {

    FNAME("fname", true, 100, null, null),
    LNAME("lname", true, 100, null, null),
    ADDRESS("address", true, 200, null, null),
    CITY("city", true, 100, null, null),
    STATE("state", true, 100, null, null),
    SSN("ssn", true, 32, "[A-Za-z0-9][A-Za-z0-9 -]{2,30}[A-Za-z0-9]",
            "must be 4-32 letters, digits, spaces or hyphens"),
    EMAIL("email", true, 254, "[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+",
            "must be an e-mail address such as name@example.org"),
    DOB("dob", true, 10, null, null),
    CONTACTPHONE("contactphone", true, 32, "\\+?[0-9 ().\\-/]{7,31}",
            "must be a phone number: 7 or more digits, optionally with + ( ) . - / and spaces"),
    DRUGALLERGIES("drugallergies", false, 1000, null, null),
    PREEXISTINGCONDITIONS("preexistingconditions", false, 1000, null, null),
    DATEADMITTED("dateadmitted", true, 10, null, null),
    INSURANCEDETAILS("insurancedetails", false, 200, null, null);

    private final String key;
    private final boolean required;
    private final int maxLength;
    private final Pattern format;
    private final String formatRule;

    PatientField(String key, boolean required, int maxLength, String format, String formatRule) {
        this.key = key;
        this.required = required;
        this.maxLength = maxLength;
        this.format = format == null ? null : Pattern.compile(format);
        this.formatRule = formatRule;
    }

    public String key() {
        return key;
    }

    public boolean required() {
        return required;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The rule a present, length-checked value breaks, if any. */
    Optional<String> formatViolation(String value) {
        return format == null || format.matcher(value).matches() ? Optional.empty() : Optional.of(formatRule);
    }

    public static Optional<PatientField> byKey(String key) {
        for (PatientField field : values()) {
            if (field.key.equals(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
