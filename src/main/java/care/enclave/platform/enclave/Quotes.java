package care.enclave.platform.enclave;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Small facts and helpers of the SGX quote format shared by evidence producers and the verifier. */
public final class Quotes {

    /** Intel's quoting enclave vendor id, as it appears in every DCAP quote header. */
    public static final byte[] INTEL_QE_VENDOR_ID = HexFormat.of().parseHex("939a7233f79c4ca9940a0db3957f0607");

    private Quotes() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** The X.509 certificates in PEM text, ignoring the NUL terminator quotes put after it. */
    public static List<X509Certificate> certificates(byte[] pem) throws GeneralSecurityException {
        int end = pem.length;
        while (end > 0 && pem[end - 1] == 0) {
            end--;
        }
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem, 0, end))
                .stream().map(X509Certificate.class::cast).toList();
    }
}
