package care.enclave.attestation.entity;

/** The data an enclave bound into its report (report data = SHA-256 of it), and whether it is JSON. */
public record RuntimeData(byte[] data, boolean json) {
}
