/**
 * Cross-cutting pieces every module may use: problem JSON and the catch-all error mapper, request
 * correlation, authentication of callers (attested enclaves included: their tokens count only with an RFC
 * 9449 proof of the key their evidence binds, {@code attestation.ProofOfPossession}), the data keys, sealing
 * and the envelope cipher, the Open Inference Protocol message format both ends of the sealed inference exchange read and write, the enclave's own
 * evidence (Gramine or the simulated SGX platform; every enclave app produces it, the attestation service
 * verifies it), the embedded Redis used when no Redis is configured, and the shapes of operations: health
 * reports, application metrics, the operations user's password ({@code security.AdminCredentials}). It
 * imports no other module, so any module (including the separately deployed inference service) can depend on it.
 */
package care.enclave.platform;
