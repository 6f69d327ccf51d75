package care.enclave.platform.enclave;

import java.util.Arrays;

/**
 * Produces SGX evidence (a DCAP quote) binding 64 bytes of report data chosen by the caller. Two
 * implementations: Gramine's attestation pseudo-files inside a real enclave, and a clearly labelled
 * simulation for development machines, whose quotes verify only where the simulated root is trusted.
 */
public interface EvidenceProvider {

    int REPORT_DATA_LENGTH = 64;

    /** @param reportData exactly 64 bytes, placed unchanged in the quote's report body */
    byte[] quote(byte[] reportData);

    /** "gramine" or "simulated". */
    String kind();

    /** The report data that binds runtime data as the attestation verifier expects: SHA-256(runtime data) || 32 zeros. */
    static byte[] reportDataFor(byte[] runtimeData) {
        return Arrays.copyOf(Quotes.sha256(runtimeData), REPORT_DATA_LENGTH);
    }

    static void requireReportData(byte[] reportData) {
        if (reportData == null || reportData.length != REPORT_DATA_LENGTH) {
            throw new IllegalArgumentException("report data must be exactly 64 bytes");
        }
    }
}
