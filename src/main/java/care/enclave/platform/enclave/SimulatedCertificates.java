package care.enclave.platform.enclave;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Issues the simulated PCK chain (root, platform CA, PCK leaf), shaped like Intel's: EC P-256,
 * ECDSA-SHA256, CA constraints on the CAs. Every name says it is simulated and not Intel. Unlike a real PCK
 * certificate, the leaf carries no SGX extension (no PPID, FMSPC or TCB levels), so no collateral applies.
 */
final class SimulatedCertificates {

    static final String ORGANISATION = "Enclave Care simulated SGX platform (development only, NOT Intel)";
    static final String ROOT_NAME = "Simulated SGX Root CA (development only, NOT Intel)";
    static final String PLATFORM_CA_NAME = "Simulated SGX PCK Platform CA (development only, NOT Intel)";
    static final String PCK_NAME = "Simulated SGX PCK Certificate (development only, NOT Intel)";
    /** The CA keys are discarded after issuing, so the chain must outlive any installation. */
    private static final Duration VALIDITY = Duration.ofDays(30 * 365L);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SimulatedCertificates() {
    }

    /** @return leaf, platform CA, root: the order in which quotes carry the chain */
    static List<X509Certificate> issue(KeyPair root, KeyPair platformCa, KeyPair pck, Instant now)
            throws GeneralSecurityException {
        Instant from = now.minus(Duration.ofDays(1));
        Instant to = now.plus(VALIDITY);
        X509Certificate rootCert = certificate(name(ROOT_NAME), root, name(ROOT_NAME), root.getPublic(),
                new BasicConstraints(true), KeyUsage.keyCertSign | KeyUsage.cRLSign, from, to);
        X509Certificate platformCert = certificate(name(ROOT_NAME), root, name(PLATFORM_CA_NAME),
                platformCa.getPublic(), new BasicConstraints(0), KeyUsage.keyCertSign | KeyUsage.cRLSign, from, to);
        X509Certificate pckCert = certificate(name(PLATFORM_CA_NAME), platformCa, name(PCK_NAME), pck.getPublic(),
                new BasicConstraints(false), KeyUsage.digitalSignature | KeyUsage.nonRepudiation, from, to);
        return List.of(pckCert, platformCert, rootCert);
    }

    private static X500Name name(String commonName) {
        // Most general first in DER, as Intel's names are, so they print as "CN=..., O=...".
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, ORGANISATION)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate certificate(X500Name issuer, KeyPair issuerKeys, X500Name subject,
                                               PublicKey subjectKey, BasicConstraints constraints, int usage,
                                               Instant from, Instant to) throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(159, RANDOM),
                    Date.from(from), Date.from(to), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, constraints)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("certificate construction failed");
        }
    }
}
