package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.MalformedEvidenceException;
import care.enclave.attestation.entity.SgxQuote;
import care.enclave.attestation.entity.VerifiedQuote;
import care.enclave.platform.enclave.Quotes;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies an SGX DCAP v3 quote as Intel's quote verification library does, for ECDSA P-256 quotes with a
 * PCK certificate chain: structure; version 3, key type ECDSA-256, Intel's quoting enclave; the chain up to a
 * pinned root with validity at the verification time; the QE report signed by the PCK leaf; the QE report
 * binding the attestation key and QE authentication data; the quote signed by the attestation key; and,
 * when runtime data is given, report data = SHA-256(runtime data). The first failed check is reported.
 */
public final class QuoteVerifier {

    static final byte[] INTEL_QE_VENDOR_ID = Quotes.INTEL_QE_VENDOR_ID;
    private static final int ECDSA_P256 = 2;
    private static final int PCK_CERT_CHAIN = 5;

    private final TrustedRoots roots;
    private final PinnedChains chains;

    public QuoteVerifier(TrustedRoots roots, Clock clock) {
        this.roots = roots;
        this.chains = new PinnedChains(roots, clock);
    }

    /** @param runtimeData the data the enclave bound into its report, or null to skip that binding */
    public VerifiedQuote verify(byte[] quoteBytes, byte[] runtimeData) {
        SgxQuote quote = parse(quoteBytes);
        checkHeader(quote);
        List<X509Certificate> chain = pckChain(quote);
        chains.validate(chain, "the PCK chain");
        PublicKey pckKey = chain.get(0).getPublicKey();
        if (!verifyP1363(pckKey, quote.qeReportBytes(), quote.qeReportSignature())) {
            throw new AttestationFailure(Reason.QE_REPORT_SIGNATURE_INVALID, "the PCK key did not sign the QE report");
        }
        byte[] expected = sha256(concat(quote.attestationKey(), quote.qeAuthData()));
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(quote.qeReport().reportData(), 32))) {
            throw new AttestationFailure(Reason.QE_REPORT_DATA_MISMATCH,
                    "the QE report does not bind the attestation key");
        }
        if (!verifyP1363(attestationKey(quote.attestationKey()), quote.signedPart(), quote.signature())) {
            throw new AttestationFailure(Reason.QUOTE_SIGNATURE_INVALID, "the attestation key did not sign the quote");
        }
        if (runtimeData != null && !MessageDigest.isEqual(sha256(runtimeData),
                Arrays.copyOf(quote.enclave().reportData(), 32))) {
            throw new AttestationFailure(Reason.REPORT_DATA_MISMATCH, "report data is not SHA-256 of the runtime data");
        }
        X509Certificate root = chain.get(chain.size() - 1);
        return new VerifiedQuote(quote.enclave(), quote.qeReport(), chain, roots.isSimulated(root.getPublicKey()), null);
    }

    private static SgxQuote parse(byte[] quoteBytes) {
        try {
            return SgxQuote.parse(quoteBytes);
        } catch (MalformedEvidenceException e) {
            throw new AttestationFailure(Reason.MALFORMED_EVIDENCE, "the quote is not a well-formed DCAP quote");
        }
    }

    private static void checkHeader(SgxQuote quote) {
        if (quote.version() != 3) {
            throw new AttestationFailure(Reason.UNSUPPORTED_QUOTE_VERSION, "only DCAP quote version 3 is accepted");
        }
        if (quote.attestationKeyType() != ECDSA_P256) {
            throw new AttestationFailure(Reason.UNSUPPORTED_KEY_TYPE, "only ECDSA P-256 attestation keys are accepted");
        }
        if (!Arrays.equals(INTEL_QE_VENDOR_ID, quote.qeVendorId())) {
            throw new AttestationFailure(Reason.NOT_INTEL_QUOTING_ENCLAVE, "the quoting enclave is not Intel's");
        }
        if (quote.certificationDataType() != PCK_CERT_CHAIN) {
            throw new AttestationFailure(Reason.UNSUPPORTED_CERTIFICATION_DATA,
                    "only quotes carrying the PCK certificate chain are accepted");
        }
    }

    static List<X509Certificate> pckChain(SgxQuote quote) {
        try {
            List<X509Certificate> chain = certificates(quote.certificationData());
            if (chain.size() < 2) {
                throw new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, "the PCK chain is incomplete");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, "the PCK chain is not PEM certificates");
        }
    }

    static List<X509Certificate> certificates(byte[] pem) throws GeneralSecurityException {
        return Quotes.certificates(pem);
    }

    static boolean verifyP1363(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The raw x || y attestation key as a P-256 public key. */
    static PublicKey attestationKey(byte[] xy) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOf(xy, 32)),
                    new BigInteger(1, Arrays.copyOfRange(xy, 32, 64)));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, p256));
        } catch (GeneralSecurityException e) {
            throw new AttestationFailure(Reason.QUOTE_SIGNATURE_INVALID, "the attestation key is not a P-256 point");
        }
    }

    static byte[] sha256(byte[] data) {
        return Quotes.sha256(data);
    }

    static byte[] concat(byte[] a, byte[] b) {
        return Quotes.concat(a, b);
    }
}
