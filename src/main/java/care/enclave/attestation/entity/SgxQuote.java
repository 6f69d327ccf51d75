package care.enclave.attestation.entity;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An SGX DCAP quote, version 3 (Intel {@code sgx_quote_3.h}): a 48-byte header, the enclave's 384-byte
 * report body, and the signature data (quote signature, attestation key, the quoting enclave's report and
 * its signature, QE authentication data, and certification data such as the PCK certificate chain).
 * Parsing checks structure and lengths only; {@code control.QuoteVerifier} checks what they mean.
 */
public record SgxQuote(byte[] raw, int version, int attestationKeyType, byte[] qeVendorId,
                       ReportBody enclave, byte[] signature, byte[] attestationKey, ReportBody qeReport,
                       byte[] qeReportSignature, byte[] qeAuthData, int certificationDataType,
                       byte[] certificationData) {

    public static final int HEADER_LENGTH = 48;
    public static final int BODY_LENGTH = 384;
    public static final int SIGNED_LENGTH = HEADER_LENGTH + BODY_LENGTH;

    public static SgxQuote parse(byte[] quote) {
        if (quote == null || quote.length < SIGNED_LENGTH + 4) {
            throw new MalformedEvidenceException("quote shorter than header, body and signature length");
        }
        ByteBuffer in = ByteBuffer.wrap(quote).order(ByteOrder.LITTLE_ENDIAN);
        int version = Short.toUnsignedInt(in.getShort(0));
        int keyType = Short.toUnsignedInt(in.getShort(2));
        byte[] vendor = Arrays.copyOfRange(quote, 12, 28);
        ReportBody enclave = ReportBody.parse(Arrays.copyOfRange(quote, HEADER_LENGTH, SIGNED_LENGTH));
        long signatureLength = Integer.toUnsignedLong(in.getInt(SIGNED_LENGTH));
        if (signatureLength != quote.length - SIGNED_LENGTH - 4L) {
            throw new MalformedEvidenceException("signature data length does not match the quote length");
        }
        in.position(SIGNED_LENGTH + 4);
        byte[] signature = take(in, 64);
        byte[] attestationKey = take(in, 64);
        ReportBody qeReport = ReportBody.parse(take(in, BODY_LENGTH));
        byte[] qeReportSignature = take(in, 64);
        byte[] authData = take(in, Short.toUnsignedInt(need(in, 2).getShort()));
        int certType = Short.toUnsignedInt(need(in, 2).getShort());
        byte[] certData = take(in, Math.toIntExact(Integer.toUnsignedLong(need(in, 4).getInt())));
        if (in.hasRemaining()) {
            throw new MalformedEvidenceException("bytes left after the certification data");
        }
        return new SgxQuote(quote.clone(), version, keyType, vendor, enclave, signature, attestationKey, qeReport,
                qeReportSignature, authData, certType, certData);
    }

    /** The bytes the attestation key signs: header and enclave report body. */
    public byte[] signedPart() {
        return Arrays.copyOfRange(raw, 0, SIGNED_LENGTH);
    }

    /** The QE report body as signed by the PCK key. */
    public byte[] qeReportBytes() {
        return Arrays.copyOfRange(raw, SIGNED_LENGTH + 4 + 128, SIGNED_LENGTH + 4 + 128 + BODY_LENGTH);
    }

    private static ByteBuffer need(ByteBuffer in, int length) {
        if (in.remaining() < length) {
            throw new MalformedEvidenceException("quote truncated inside the signature data");
        }
        return in;
    }

    private static byte[] take(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        need(in, length).get(bytes);
        return bytes;
    }
}
