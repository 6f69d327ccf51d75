package care.enclave.patients.entity;

/** A stored patient: the record id, what the clerk entered, and the risk computed at intake. */
public record Patient(String id, PatientData data, RiskScore risk) {
}
