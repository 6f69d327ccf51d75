package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

/**
 * What Intel's SGX extension (OID 1.2.840.113741.1.13.1) of a PCK certificate says about the platform, per
 * Intel's "SGX PCK Certificate and CRL Profile": FMSPC (.4, 6 bytes), PCE-ID (.3, 2 bytes), the 16 SGX TCB
 * component SVNs (.2.1 to .2.16) and the PCE SVN (.2.17). Entries are a SEQUENCE of (OID, value) pairs; a
 * missing, repeated or mistyped entry makes the certificate unusable rather than defaulting to zero.
 */
record PckCertificateExtensions(byte[] fmspc, byte[] pceId, int[] tcbComponents, int pceSvn) {

    static final String SGX_EXTENSION = "1.2.840.113741.1.13.1";
    private static final String TCB = SGX_EXTENSION + ".2";
    private static final String PCE_ID = SGX_EXTENSION + ".3";
    private static final String FMSPC = SGX_EXTENSION + ".4";
    private static final String PCE_SVN = TCB + ".17";
    static final int COMPONENTS = 16;

    static PckCertificateExtensions of(X509Certificate pck) {
        byte[] extension = pck.getExtensionValue(SGX_EXTENSION);
        if (extension == null) {
            throw malformed();
        }
        try {
            Map<String, ASN1Encodable> entries = entries(ASN1OctetString.getInstance(extension).getOctets());
            Map<String, ASN1Encodable> tcb = entries(ASN1Sequence.getInstance(required(entries, TCB)));
            int[] components = new int[COMPONENTS];
            for (int i = 0; i < COMPONENTS; i++) {
                components[i] = integer(tcb, TCB + "." + (i + 1), 255);
            }
            return new PckCertificateExtensions(octets(entries, FMSPC, 6), octets(entries, PCE_ID, 2), components,
                    integer(tcb, PCE_SVN, 65535));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            throw malformed();
        }
    }

    private static Map<String, ASN1Encodable> entries(byte[] der) {
        return entries(ASN1Sequence.getInstance(der));
    }

    private static Map<String, ASN1Encodable> entries(ASN1Sequence sequence) {
        Map<String, ASN1Encodable> entries = new HashMap<>();
        for (ASN1Encodable element : sequence) {
            ASN1Sequence pair = ASN1Sequence.getInstance(element);
            if (pair.size() != 2) {
                throw new IllegalArgumentException("not an (OID, value) pair");
            }
            String oid = ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0)).getId();
            if (entries.put(oid, pair.getObjectAt(1)) != null) {
                throw new IllegalArgumentException("repeated entry");
            }
        }
        return entries;
    }

    private static ASN1Encodable required(Map<String, ASN1Encodable> entries, String oid) {
        ASN1Encodable value = entries.get(oid);
        if (value == null) {
            throw new IllegalArgumentException("missing entry");
        }
        return value;
    }

    private static byte[] octets(Map<String, ASN1Encodable> entries, String oid, int length) {
        byte[] octets = ASN1OctetString.getInstance(required(entries, oid)).getOctets();
        if (octets.length != length) {
            throw new IllegalArgumentException("wrong length");
        }
        return octets;
    }

    private static int integer(Map<String, ASN1Encodable> entries, String oid, int max) {
        int value = ASN1Integer.getInstance(required(entries, oid)).intValueExact();
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("out of range");
        }
        return value;
    }

    private static AttestationFailure malformed() {
        return new AttestationFailure(Reason.MALFORMED_EVIDENCE, "the PCK certificate lacks a well-formed SGX extension");
    }
}
