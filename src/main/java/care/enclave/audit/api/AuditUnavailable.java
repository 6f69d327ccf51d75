package care.enclave.audit.api;

/** The audit trail could not be written, so the audited operation must not report success. */
public class AuditUnavailable extends RuntimeException {

    public AuditUnavailable(String message) {
        super("Audit trail unavailable: " + message, null, false, false);
    }
}
