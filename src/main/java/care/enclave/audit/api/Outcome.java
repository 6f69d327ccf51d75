package care.enclave.audit.api;

/**
 * How it ended: {@code SUCCESS} (done, or data disclosed), {@code DENIED} (refused by authentication, a
 * role, an attestation or release policy), {@code FAILURE} (not done: invalid, absent, conflicting, or the
 * platform could not).
 */
public enum Outcome {
    SUCCESS, DENIED, FAILURE
}
