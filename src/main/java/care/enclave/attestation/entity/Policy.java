package care.enclave.attestation.entity;

import java.util.List;

/**
 * An attestation policy for SGX enclaves, the JSON equivalent of Azure Attestation's rules: which code
 * (MRENCLAVE) or signer (MRSIGNER) may be attested, the product, the minimum security version, whether
 * debuggable enclaves are acceptable, and which TCB statuses are. Empty lists allow any value.
 */
public record Policy(List<String> allowedMrEnclaves, List<String> allowedMrSigners, Integer productId, int minSvn,
                     boolean allowDebug, List<String> allowedTcbStatuses) {

    public Policy {
        allowedMrEnclaves = lower(allowedMrEnclaves);
        allowedMrSigners = lower(allowedMrSigners);
        allowedTcbStatuses = allowedTcbStatuses == null ? List.of() : List.copyOf(allowedTcbStatuses);
    }

    private static List<String> lower(List<String> hex) {
        return hex == null ? List.of() : hex.stream().map(h -> h.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
