package care.enclave.attestation.control;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** A self-signed certificate for a signing key, so the JWKS can carry x5c as Azure Attestation's does. */
final class SelfSignedCertificate {

    private SelfSignedCertificate() {
    }

    static X509Certificate forKey(PublicKey publicKey, PrivateKey privateKey, String subject, Instant notBefore,
                                  Duration validity) throws GeneralSecurityException {
        X500Name name = new X500Name(subject);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(notBefore.minus(Duration.ofMinutes(5))),
                Date.from(notBefore.plus(validity)), name, publicKey);
        try {
            String algorithm = privateKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(privateKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("SelfSignedCertificate: no signer");
        }
    }
}
