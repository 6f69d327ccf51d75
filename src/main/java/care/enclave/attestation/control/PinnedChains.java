package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * PKIX validation of a chain that carries its own root, at the injected time, accepted only if that root's key
 * is pinned. Shared by the PCK chain and the collateral issuer chains so both are judged by the same rules.
 * Revocation is left to the callers: SGX CRLs arrive as collateral, not from distribution points.
 */
final class PinnedChains {

    private final TrustedRoots roots;
    private final Clock clock;

    PinnedChains(TrustedRoots roots, Clock clock) {
        this.roots = roots;
        this.clock = clock;
    }

    /** @param name a fixed label such as "the PCK chain", never evidence */
    void validate(List<X509Certificate> chain, String name) {
        if (chain.size() < 2) {
            throw new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, name + " is incomplete");
        }
        X509Certificate root = chain.get(chain.size() - 1);
        if (!roots.trusts(root.getPublicKey())) {
            throw new AttestationFailure(Reason.UNTRUSTED_ROOT, name + " does not end in a trusted SGX root");
        }
        Date now = Date.from(clock.instant());
        try {
            root.verify(root.getPublicKey());
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                    .generateCertPath(chain.subList(0, chain.size() - 1)), parameters);
            root.checkValidity(now);
        } catch (CertPathValidatorException e) {
            throw failure(e.getReason(), name);
        } catch (CertificateExpiredException e) {
            throw failure(CertPathValidatorException.BasicReason.EXPIRED, name);
        } catch (CertificateNotYetValidException e) {
            throw failure(CertPathValidatorException.BasicReason.NOT_YET_VALID, name);
        } catch (GeneralSecurityException e) {
            throw new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, name + " does not verify");
        }
    }

    private static AttestationFailure failure(CertPathValidatorException.Reason reason, String name) {
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return new AttestationFailure(Reason.CERTIFICATE_EXPIRED, "a certificate of " + name + " has expired");
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return new AttestationFailure(Reason.CERTIFICATE_NOT_YET_VALID,
                    "a certificate of " + name + " is not yet valid");
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, name + " does not lead to its root");
        }
        return new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, name + " does not verify");
    }
}
