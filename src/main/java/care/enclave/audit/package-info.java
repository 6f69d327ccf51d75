/**
 * The audit trail: who (staff user, partner, attested enclave, the platform itself) did what to which
 * record, when, and with what outcome, including attestation decisions, key releases and operator changes.
 * Records are named only by a keyed hash, so the trail holds no patient id and no patient data. Entries are
 * chained with an HMAC under a key that exists only inside the enclave and sealed before they reach Redis,
 * so whoever runs Redis can neither read, edit, delete, reorder nor insert entries without
 * {@code GET /audit/verify} showing it. Only the auditor role reads the trail. Imports only {@code platform};
 * other modules use only {@code audit.api}.
 */
package care.enclave.audit;
