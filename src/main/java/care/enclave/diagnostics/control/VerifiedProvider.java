package care.enclave.diagnostics.control;

import care.enclave.platform.attestation.VerifiedAttestation;

import java.security.interfaces.ECPublicKey;

/** A provider enclave whose evidence checked out: the key to seal to, the model it vouches for, and its token. */
public record VerifiedProvider(VerifiedAttestation attestation, ECPublicKey requestKey, String modelName,
                               String modelSha256) {
}
