/**
 * Confidential diagnostics, the platform side: it accepts a hospital's brain MRI slice, decodes it under
 * hard limits, prepares the model input, and turns the model's probability map into a lesion outline,
 * a mask and the lesion's share of the slice; each delineation is audited. The model itself runs in the
 * inference module (possibly in the diagnostic provider's enclave), reached only over REST. Imports only {@code platform},
 * {@code attestation.api} and {@code audit.api}; other modules use only {@code diagnostics.api}.
 */
package care.enclave.diagnostics;
