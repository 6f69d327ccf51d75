package care.enclave.patients.control;

import java.util.List;

/**
 * Why a patients operation did not happen. Messages are fixed texts about the request, never values
 * from it, so they are safe to log and to show; stack traces are not captured (these are outcomes,
 * not bugs).
 */
public abstract class PatientsException extends RuntimeException {

    /** What kind of outcome this is; the boundary chooses the HTTP status from it. */
    public enum Kind { INVALID, MALFORMED, UNSUPPORTED_TYPE, EXISTS, NOT_FOUND, UNAVAILABLE, UNREADABLE, FULL }

    private final Kind kind;

    protected PatientsException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** One rejected field: its name and the rule it broke, never its value. */
    public record FieldViolation(String field, String reason) {
    }

    public static final class InvalidPatient extends PatientsException {
        private final List<FieldViolation> violations;

        public InvalidPatient(List<FieldViolation> violations) {
            super(Kind.INVALID, "Invalid patient data: " + violations.stream().map(FieldViolation::field).toList());
            this.violations = List.copyOf(violations);
        }

        public List<FieldViolation> violations() {
            return violations;
        }
    }

    public static final class MalformedBody extends PatientsException {
        public MalformedBody(String reason) {
            super(Kind.MALFORMED, reason);
        }
    }

    public static final class UnsupportedContentType extends PatientsException {
        public UnsupportedContentType() {
            super(Kind.UNSUPPORTED_TYPE, "Send application/x-www-form-urlencoded or application/json (UTF-8)");
        }
    }

    public static final class PatientExists extends PatientsException {
        public PatientExists() {
            super(Kind.EXISTS, "A patient with this id already exists; records are never overwritten");
        }
    }

    public static final class PatientNotFound extends PatientsException {
        public PatientNotFound() {
            super(Kind.NOT_FOUND, "No patient with this id");
        }
    }

    public static final class DocumentsFull extends PatientsException {
        public DocumentsFull() {
            super(Kind.FULL, "This record holds the most documents of this kind it may; none was added");
        }
    }

    public static final class StoreUnavailable extends PatientsException {
        public StoreUnavailable() {
            super(Kind.UNAVAILABLE, "The patient store is unavailable; retry shortly");
        }
    }

    public static final class RecordUnreadable extends PatientsException {
        public RecordUnreadable() {
            super(Kind.UNREADABLE, "A stored record failed its integrity check");
        }
    }
}
