package care.enclave.attestation.entity;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** An SGX report body (384 bytes): the enclave's identity and the 64 bytes of data it chose to bind. */
public record ReportBody(byte[] cpuSvn, int miscSelect, byte[] attributes, byte[] mrEnclave, byte[] mrSigner,
                         int isvProdId, int isvSvn, byte[] reportData) {

    /** ATTRIBUTES.FLAGS bit 1: the enclave can be debugged, so its memory is not confidential. */
    public static final long DEBUG_FLAG = 0x02;

    public static ReportBody parse(byte[] body) {
        if (body.length != SgxQuote.BODY_LENGTH) {
            throw new MalformedEvidenceException("report body is not 384 bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        return new ReportBody(Arrays.copyOfRange(body, 0, 16), in.getInt(16), Arrays.copyOfRange(body, 48, 64),
                Arrays.copyOfRange(body, 64, 96), Arrays.copyOfRange(body, 128, 160),
                Short.toUnsignedInt(in.getShort(256)), Short.toUnsignedInt(in.getShort(258)),
                Arrays.copyOfRange(body, 320, 384));
    }

    /** ATTRIBUTES.FLAGS, the first 8 bytes of the 16-byte ATTRIBUTES (little-endian). */
    public long attributeFlags() {
        return ByteBuffer.wrap(attributes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    public boolean debuggable() {
        return (attributeFlags() & DEBUG_FLAG) != 0;
    }
}
