package care.enclave.platform.enclave;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Quotes from Gramine's attestation pseudo-files: write the report data to {@code user_report_data}, then
 * read {@code quote}. The quote is bound to whatever was written last by anyone in the process, so calls
 * are serialised on one process-wide lock, and the quote read back must carry the report data written.
 */
public final class GramineEvidenceProvider implements EvidenceProvider {

    public static final Path DEFAULT_BASE = Path.of("/dev/attestation");
    /** Where the report data sits in both SGX quote formats (EPID v2 and DCAP v3): header 48 + offset 320. */
    private static final int REPORT_DATA_OFFSET = 48 + 320;
    private static final Object PSEUDO_FILES = new Object();

    private final Path userReportData;
    private final Path quote;

    public GramineEvidenceProvider() {
        this(DEFAULT_BASE);
    }

    public GramineEvidenceProvider(Path base) {
        this.userReportData = base.resolve("user_report_data");
        this.quote = base.resolve("quote");
    }

    @Override
    public byte[] quote(byte[] reportData) {
        EvidenceProvider.requireReportData(reportData);
        byte[] evidence;
        synchronized (PSEUDO_FILES) {
            write(reportData);
            evidence = read();
        }
        if (evidence.length < REPORT_DATA_OFFSET + REPORT_DATA_LENGTH || !MessageDigest.isEqual(reportData,
                Arrays.copyOfRange(evidence, REPORT_DATA_OFFSET, REPORT_DATA_OFFSET + REPORT_DATA_LENGTH))) {
            throw new EvidenceException("Gramine returned a quote that does not carry the report data written");
        }
        return evidence;
    }

    @Override
    public String kind() {
        return "gramine";
    }

    /** Without CREATE: outside Gramine the pseudo-file is absent and this must fail, not create a file. */
    private void write(byte[] reportData) {
        try {
            Files.write(userReportData, reportData, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            throw new EvidenceException("cannot write Gramine's user_report_data (not running in Gramine with SGX?)");
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(quote);
        } catch (IOException | RuntimeException e) {
            throw new EvidenceException("cannot read Gramine's quote (remote attestation not enabled?)");
        }
    }
}
