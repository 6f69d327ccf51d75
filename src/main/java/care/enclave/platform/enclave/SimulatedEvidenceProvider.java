package care.enclave.platform.enclave;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * DCAP v3 quotes from the {@link SimulatedSgxPlatform}, byte for byte in the format of real ones (Intel's
 * QE vendor id included, so parsing and checks are the same), signed by the simulated PCK and attestation
 * keys. Trust therefore rests on the root alone: verifiers accept these only where the installation's
 * simulated root is pinned, and mark them simulated. The enclave and the simulated quoting enclave always
 * carry the DEBUG attribute, because nothing in a simulation is confidential.
 */
public final class SimulatedEvidenceProvider implements EvidenceProvider {

    /** ATTRIBUTES.FLAGS INIT | DEBUG | MODE64BIT: DEBUG must stay set, a simulation is never confidential. */
    static final long FLAGS = 0x07;
    /** ATTRIBUTES.XFRM x87 | SSE. */
    static final long XFRM = 0x03;
    /** The QE and PCE SVNs of a real 2023 quote (the Phala vector); nothing checks them without collateral. */
    static final int QE_SVN = 10;
    static final int PCE_SVN = 15;
    private static final int QE_PROD_ID = 1;
    /** Intel's QE3 uses 32 bytes counting 0 to 31; the simulation mirrors it. */
    private static final byte[] QE_AUTH_DATA = counting(32);
    /** A simulated QE identity: deliberately not the MRENCLAVE or MRSIGNER of Intel's quoting enclave. */
    private static final byte[] QE_MRENCLAVE = label("Enclave Care simulated quoting enclave, NOT Intel");
    private static final byte[] QE_MRSIGNER = label("Enclave Care simulated quoting enclave signer, NOT Intel");
    private static final int ECDSA_P256 = 2;
    private static final int PCK_CERT_CHAIN = 5;

    private final PrivateKey attestationKey;
    private final byte[] header;
    private final byte[] mrEnclave;
    private final byte[] mrSigner;
    private final int isvProdId;
    private final int isvSvn;
    /** Everything after the quote signature depends only on the platform, so it is built and signed once. */
    private final byte[] qeSection;

    public SimulatedEvidenceProvider(SimulatedSgxPlatform platform, byte[] mrEnclave, int isvProdId, int isvSvn) {
        if (mrEnclave == null || mrEnclave.length != 32) {
            throw new IllegalArgumentException("MRENCLAVE must be 32 bytes");
        }
        if (isvProdId < 0 || isvProdId > 0xFFFF || isvSvn < 0 || isvSvn > 0xFFFF) {
            throw new IllegalArgumentException("ISVPRODID and ISVSVN must be unsigned 16-bit values");
        }
        this.mrEnclave = mrEnclave.clone();
        this.mrSigner = platform.mrSigner();
        this.isvProdId = isvProdId;
        this.isvSvn = isvSvn;
        this.attestationKey = platform.attestationKeys().getPrivate();
        byte[] attestationPoint = EcKeys.rawPoint((ECPublicKey) platform.attestationKeys().getPublic());
        this.header = header(attestationPoint);
        this.qeSection = qeSection(platform, attestationPoint);
    }

    @Override
    public byte[] quote(byte[] reportData) {
        EvidenceProvider.requireReportData(reportData);
        byte[] body = reportBody(mrEnclave, mrSigner, isvProdId, isvSvn, reportData);
        byte[] signature = sign(attestationKey, Quotes.concat(header, body));
        return ByteBuffer.allocate(header.length + body.length + 4 + signature.length + qeSection.length)
                .order(ByteOrder.LITTLE_ENDIAN).put(header).put(body)
                .putInt(signature.length + qeSection.length).put(signature).put(qeSection).array();
    }

    @Override
    public String kind() {
        return "simulated";
    }

    /** user_data starts with a QE id, as in Intel's QE3; here it is derived from the attestation key. */
    private static byte[] header(byte[] attestationPoint) {
        return ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 3).putShort((short) ECDSA_P256).putInt(0)
                .putShort((short) QE_SVN).putShort((short) PCE_SVN).put(Quotes.INTEL_QE_VENDOR_ID)
                .put(Arrays.copyOf(Quotes.sha256(attestationPoint), 16)).array();
    }

    /** Report body: cpusvn, miscselect, reserved, ATTRIBUTES @48, MRENCLAVE @64, MRSIGNER @128, ids @256, data @320. */
    private static byte[] reportBody(byte[] mrEnclave, byte[] mrSigner, int prodId, int svn, byte[] reportData) {
        ByteBuffer body = ByteBuffer.allocate(384).order(ByteOrder.LITTLE_ENDIAN);
        body.putLong(48, FLAGS).putLong(56, XFRM);
        body.put(64, mrEnclave).put(128, mrSigner);
        body.putShort(256, (short) prodId).putShort(258, (short) svn);
        body.put(320, reportData);
        return body.array();
    }

    private static byte[] qeSection(SimulatedSgxPlatform platform, byte[] attestationPoint) {
        byte[] qeReportData = Arrays.copyOf(
                Quotes.sha256(Quotes.concat(attestationPoint, QE_AUTH_DATA)), REPORT_DATA_LENGTH);
        byte[] qeReport = reportBody(QE_MRENCLAVE, QE_MRSIGNER, QE_PROD_ID, QE_SVN, qeReportData);
        byte[] qeSignature = sign(platform.pckKey(), qeReport);
        // Intel's quote library ends the PEM chain with a NUL byte; verifiers strip it.
        byte[] chain = Arrays.copyOf(platform.chainPem(), platform.chainPem().length + 1);
        return ByteBuffer.allocate(64 + 384 + 64 + 2 + QE_AUTH_DATA.length + 2 + 4 + chain.length)
                .order(ByteOrder.LITTLE_ENDIAN).put(attestationPoint).put(qeReport).put(qeSignature)
                .putShort((short) QE_AUTH_DATA.length).put(QE_AUTH_DATA)
                .putShort((short) PCK_CERT_CHAIN).putInt(chain.length).put(chain).array();
    }

    /** Raw r || s, as SGX carries ECDSA signatures. */
    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new EvidenceException("the simulated platform could not sign the quote");
        }
    }

    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] label(String text) {
        return Quotes.sha256(text.getBytes(StandardCharsets.US_ASCII));
    }
}
