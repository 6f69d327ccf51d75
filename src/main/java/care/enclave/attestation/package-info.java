/**
 * Remote attestation: enclave evidence (SGX DCAP quotes from Gramine, or a clearly labelled simulated
 * enclave), an Azure-Attestation-compatible service that verifies quotes against Intel's root and issues
 * signed tokens, attestation policies, secure key release to attested enclaves, and the token verifier
 * other modules use. Attestation decisions, key releases and operator changes are audited. Imports only
 * {@code platform} and {@code audit.api}; other modules use only {@code attestation.api}.
 */
package care.enclave.attestation;
