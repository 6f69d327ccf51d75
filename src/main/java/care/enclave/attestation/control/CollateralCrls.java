package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

/**
 * The CRLs that come with SGX collateral (Intel's root CA CRL and the PCK CA's CRL). A CRL counts only if its
 * issuer's key signed it with ECDSA P-256/SHA-256 and the verification time lies in [thisUpdate, nextUpdate]:
 * a stale CRL could hide a revocation issued since, so it refuses the collateral rather than being skipped.
 */
final class CollateralCrls {

    private static final String ALGORITHM = "SHA256withECDSA";

    private final Clock clock;

    CollateralCrls(Clock clock) {
        this.clock = clock;
    }

    /** @param name a fixed label such as "the PCK CRL", never evidence */
    X509CRL issuedBy(byte[] der, X509Certificate issuer, String name) {
        X509CRL crl = parse(der, name);
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                || !ALGORITHM.equals(crl.getSigAlgName())) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " is not from the expected issuer");
        }
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " is not signed by its issuer");
        }
        Instant now = clock.instant();
        if (crl.getNextUpdate() == null || now.isBefore(crl.getThisUpdate().toInstant())
                || now.isAfter(crl.getNextUpdate().toInstant())) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " is not current");
        }
        return crl;
    }

    /** The CRL was checked to come from the certificate's issuer, so the serial alone identifies it. */
    static void notRevoked(X509CRL crl, X509Certificate certificate, String name) {
        if (crl.getRevokedCertificate(certificate.getSerialNumber()) != null) {
            throw new AttestationFailure(Reason.CERTIFICATE_REVOKED, name + " is revoked");
        }
    }

    private static X509CRL parse(byte[] der, String name) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " is not a DER CRL");
        }
    }
}
