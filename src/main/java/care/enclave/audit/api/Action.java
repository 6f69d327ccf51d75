package care.enclave.audit.api;

/** What was done. The names are stable: auditors and their tools match on them. */
public enum Action {
    PATIENT_CREATE,
    PATIENT_READ,
    SCORE_READ,
    /** A document (e.g. a delineation) kept with a record, or a record's documents read. */
    PATIENT_DOCUMENT_ADD,
    PATIENT_DOCUMENTS_READ,
    DELINEATION,
    ATTESTATION,
    KEY_RELEASE,
    POLICY_CHANGE,
    SIGNING_KEY_ROTATION,
    SIGN_IN,
    ACCESS,
    AUDIT_LOOKUP,
    /** Written by the trail itself when it found its stored head missing, unreadable or behind. */
    AUDIT_CHAIN_RECOVERED
}
