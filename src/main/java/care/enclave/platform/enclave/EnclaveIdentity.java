package care.enclave.platform.enclave;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * This enclave's own measurement, read from its own evidence, so configuration can say {@code self} where
 * the embedded server is both the caller and the provider.
 */
@ApplicationScoped
public class EnclaveIdentity {

    private static final int MRENCLAVE_OFFSET = 48 + 64;

    @Inject
    EvidenceProvider evidence;

    private String mrEnclave;

    public synchronized String mrEnclave() {
        if (mrEnclave == null) {
            byte[] quote = evidence.quote(new byte[64]);
            mrEnclave = HexFormat.of().formatHex(Arrays.copyOfRange(quote, MRENCLAVE_OFFSET, MRENCLAVE_OFFSET + 32));
        }
        return mrEnclave;
    }

    /** The list with {@code self} replaced by this enclave's MRENCLAVE, lower case. */
    public List<String> resolve(List<String> measurements) {
        return measurements.stream().map(m -> "self".equalsIgnoreCase(m) ? mrEnclave() : m.toLowerCase()).toList();
    }
}
