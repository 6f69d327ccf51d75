package care.enclave.attestation.control;

import care.enclave.attestation.entity.Collateral;
import care.enclave.attestation.entity.ReportBody;
import care.enclave.attestation.entity.VerifiedQuote;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * A private PKI shaped like Intel's SGX PKI, for the checks Intel's own signatures rule out testing on real
 * collateral (revoked serials, another FMSPC, stale CRLs): a root, a PCK CA issuing a PCK certificate with the
 * SGX extension, a TCB signing certificate, CRLs, and TCB info and QE identity signed as Intel signs them.
 * Everything is valid at {@link Vectors#EVALUATION_TIME} unless a test changes it.
 */
final class TestCollateralPki {

    static final String FMSPC = "00A067110000";
    static final int[] PLATFORM_SVNS = {11, 11, 2, 2, 255, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    static final String MR_SIGNER = "8C4F5775D796503E96137F77C68A829A0056AC8DED70140B081B094490C57BFF";
    static final String WINDOW_START = "2025-06-19T00:00:00Z";
    static final String WINDOW_END = "2025-07-19T00:00:00Z";

    final KeyPair rootKeys = keys();
    final KeyPair caKeys = keys();
    final KeyPair signerKeys = keys();
    final X509Certificate root = certificate("Test SGX Root CA", rootKeys, "Test SGX Root CA", rootKeys, true, null);
    final X509Certificate pckCa = certificate("Test SGX PCK Processor CA", caKeys, "Test SGX Root CA", rootKeys, true, null);
    final X509Certificate signer = certificate("Test SGX TCB Signing", signerKeys, "Test SGX Root CA", rootKeys, false, null);
    final X509Certificate leaf = certificate("Test SGX PCK Certificate", keys(), "Test SGX PCK Processor CA", caKeys,
            false, sgxExtension(PLATFORM_SVNS, 13, "0000", FMSPC));

    /** The collateral pieces a test may change before {@link #collateral()} signs and assembles them. */
    String tcbInfo = tcbInfo(FMSPC, "0000", WINDOW_START, WINDOW_END, standardLevels());
    String qeIdentity = qeIdentity(WINDOW_END);
    List<BigInteger> revokedByCa = new ArrayList<>();
    List<BigInteger> revokedByRoot = new ArrayList<>();
    Instant crlNextUpdate = Instant.parse(WINDOW_END);
    X509Certificate collateralSigner = signer;
    PrivateKey collateralSignerKey = signerKeys.getPrivate();

    TrustedRoots roots() {
        return new TrustedRoots(Set.of(TrustedRoots.pin(root.getPublicKey())), null);
    }

    VerifiedQuote quote() {
        return quote(qeReport(8));
    }

    VerifiedQuote quote(ReportBody qeReport) {
        return new VerifiedQuote(qeReport, qeReport, List.of(leaf, pckCa, root), false, null);
    }

    static ReportBody qeReport(int isvSvn) {
        byte[] attributes = HexFormat.of().parseHex("15000000000000000700000000000000");
        return new ReportBody(new byte[16], 0, attributes, new byte[32], HexFormat.of().parseHex(MR_SIGNER), 1,
                isvSvn, new byte[64]);
    }

    Collateral collateral() {
        return new Collateral(pem(pckCa, root), crl("Test SGX Root CA", rootKeys, revokedByRoot),
                crl("Test SGX PCK Processor CA", caKeys, revokedByCa), pem(collateralSigner, root), tcbInfo,
                sign(tcbInfo), pem(collateralSigner, root), qeIdentity, sign(qeIdentity));
    }

    static String standardLevels() {
        return String.join(",",
                level(new int[]{11, 11, 2, 2, 255, 1, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 13, "UpToDate"),
                level(PLATFORM_SVNS, 13, "SWHardeningNeeded", "INTEL-SA-00615"),
                level(new int[]{10, 10, 2, 2, 255, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 13, "OutOfDate",
                        "INTEL-SA-00828", "INTEL-SA-00615"));
    }

    static String tcbInfo(String fmspc, String pceId, String issueDate, String nextUpdate, String levels) {
        return "{\"id\":\"SGX\",\"version\":3,\"issueDate\":\"" + issueDate + "\",\"nextUpdate\":\"" + nextUpdate
                + "\",\"fmspc\":\"" + fmspc + "\",\"pceId\":\"" + pceId + "\",\"tcbType\":0,"
                + "\"tcbEvaluationDataNumber\":17,\"tcbLevels\":[" + levels + "]}";
    }

    static String level(int[] svns, int pceSvn, String status, String... advisories) {
        List<String> components = new ArrayList<>();
        for (int svn : svns) {
            components.add("{\"svn\":" + svn + "}");
        }
        List<String> ids = new ArrayList<>();
        for (String id : advisories) {
            ids.add("\"" + id + "\"");
        }
        return "{\"tcb\":{\"sgxtcbcomponents\":[" + String.join(",", components) + "],\"pcesvn\":" + pceSvn
                + "},\"tcbDate\":\"2024-03-13T00:00:00Z\",\"tcbStatus\":\"" + status + "\""
                + (advisories.length == 0 ? "" : ",\"advisoryIDs\":[" + String.join(",", ids) + "]") + "}";
    }

    static String qeIdentity(String nextUpdate) {
        return "{\"id\":\"QE\",\"version\":2,\"issueDate\":\"" + WINDOW_START + "\",\"nextUpdate\":\"" + nextUpdate
                + "\",\"tcbEvaluationDataNumber\":17,\"miscselect\":\"00000000\",\"miscselectMask\":\"FFFFFFFF\","
                + "\"attributes\":\"11000000000000000000000000000000\","
                + "\"attributesMask\":\"FBFFFFFFFFFFFFFF0000000000000000\",\"mrsigner\":\"" + MR_SIGNER + "\","
                + "\"isvprodid\":1,\"tcbLevels\":[{\"tcb\":{\"isvsvn\":8},\"tcbDate\":\"2024-03-13T00:00:00Z\","
                + "\"tcbStatus\":\"UpToDate\"},{\"tcb\":{\"isvsvn\":6},\"tcbDate\":\"2021-11-10T00:00:00Z\","
                + "\"tcbStatus\":\"OutOfDate\",\"advisoryIDs\":[\"INTEL-SA-00615\"]}]}";
    }

    private byte[] sign(String text) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(collateralSignerKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] crl(String issuer, KeyPair issuerKeys, List<BigInteger> revoked) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=" + issuer),
                    Date.from(Instant.parse(WINDOW_START)));
            builder.setNextUpdate(Date.from(crlNextUpdate));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(Instant.parse(WINDOW_START)), CRLReason.keyCompromise);
            }
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : certificates) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return pem.toString();
    }

    static ASN1Encodable sgxExtension(int[] svns, int pceSvn, String pceId, String fmspc) {
        String sgx = PckCertificateExtensions.SGX_EXTENSION;
        ASN1EncodableVector tcb = new ASN1EncodableVector();
        for (int i = 0; i < svns.length; i++) {
            tcb.add(pair(sgx + ".2." + (i + 1), new ASN1Integer(svns[i])));
        }
        tcb.add(pair(sgx + ".2.17", new ASN1Integer(pceSvn)));
        tcb.add(pair(sgx + ".2.18", new DEROctetString(new byte[16])));
        return new DERSequence(new ASN1Encodable[]{pair(sgx + ".1", new DEROctetString(new byte[16])),
                pair(sgx + ".2", new DERSequence(tcb)), pair(sgx + ".3", new DEROctetString(HexFormat.of().parseHex(pceId))),
                pair(sgx + ".4", new DEROctetString(HexFormat.of().parseHex(fmspc))),
                pair(sgx + ".5", new ASN1Enumerated(0))});
    }

    private static ASN1Encodable pair(String oid, ASN1Encodable value) {
        return new DERSequence(new ASN1Encodable[]{new ASN1ObjectIdentifier(oid), value});
    }

    static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                                       boolean ca, ASN1Encodable sgxExtension) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuer),
                    new BigInteger(64, new SecureRandom()).setBit(63),
                    Date.from(Instant.parse("2025-01-01T00:00:00Z")), Date.from(Instant.parse("2030-01-01T00:00:00Z")),
                    new X500Name("CN=" + subject), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (sgxExtension != null) {
                builder.addExtension(new ASN1ObjectIdentifier(PckCertificateExtensions.SGX_EXTENSION), false, sgxExtension);
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
