/**
 * Patient records: intake and validation, the age-adjusted Charlson risk score, and storage as
 * AES-256-GCM envelopes in Redis under HMAC-derived keys; every create and read is recorded in the audit
 * trail. Imports only {@code platform} and {@code audit.api}.
 * Request path: {@code boundary.PatientsResource} → {@code control.PatientRegistry} →
 * {@code control.PatientValidator}, {@code control.CharlsonScorer}, {@code control.PatientStore}.
 * Other modules keep documents with a record (a delineation) through {@code api.PatientDocuments}.
 */
package care.enclave.patients;
