package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.Collateral;
import care.enclave.attestation.entity.VerifiedQuote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Appraises a verified quote's platform against Intel's collateral, as Intel's QVL and Phala's dcap-qvl do:
 * every issuer chain validates to the quote's own pinned root; TCB info and QE identity carry that signer's
 * signature and are current; neither CRL is stale and neither lists a certificate in use; the PCK certificate's
 * FMSPC and PCE-ID are the TCB info's; the quoting enclave is the one Intel describes. The result is the
 * platform's TCB level converged with the QE's, with the union of both levels' advisories. Any failed check
 * throws, and a revoked outcome throws too, so a returned status is always one a policy may weigh.
 */
public final class CollateralVerifier {

    private final PinnedChains chains;
    private final CollateralCrls crls;
    private final Clock clock;

    public CollateralVerifier(TrustedRoots roots, Clock clock) {
        this.chains = new PinnedChains(roots, clock);
        this.crls = new CollateralCrls(clock);
        this.clock = clock;
    }

    public VerifiedQuote.TcbStatus evaluate(VerifiedQuote quote, Collateral collateral) {
        List<X509Certificate> pck = pckChain(quote);
        X509Certificate root = pck.get(2);
        X509Certificate tcbSigner = signer(issuerChain(collateral.tcbInfoIssuerChain(), root, "the TCB info chain"));
        X509Certificate qeSigner = signer(issuerChain(collateral.qeIdentityIssuerChain(), root, "the QE identity chain"));
        checkSignature(tcbSigner, collateral.tcbInfo(), collateral.tcbInfoSignature(), "the TCB info");
        checkSignature(qeSigner, collateral.qeIdentity(), collateral.qeIdentitySignature(), "the QE identity");
        X509Certificate crlIssuer = issuerChain(collateral.pckCrlIssuerChain(), root, "the PCK CRL chain").get(0);
        checkRevocation(collateral, pck, crlIssuer, List.of(pck.get(1), crlIssuer, tcbSigner, qeSigner));

        TcbInfo tcbInfo = TcbInfo.parse(collateral.tcbInfo());
        checkCurrent(tcbInfo.issueDate(), tcbInfo.nextUpdate(), "the TCB info");
        QeIdentity qeIdentity = QeIdentity.parse(collateral.qeIdentity());
        checkCurrent(qeIdentity.issueDate(), qeIdentity.nextUpdate(), "the QE identity");
        return verdict(tcbInfo.levelOf(PckCertificateExtensions.of(pck.get(0))), qeIdentity.levelOf(quote.qeReport()));
    }

    /** Intel issues PCK certificates under a PCK CA under the root; the CRL check relies on that shape. */
    private static List<X509Certificate> pckChain(VerifiedQuote quote) {
        if (quote.pckChain() == null || quote.pckChain().size() != 3) {
            throw new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, "the PCK chain is not leaf, CA and root");
        }
        return quote.pckChain();
    }

    /**
     * A collateral chain is its signer and the root. The root must be the quote's own: with a simulated root
     * also trusted, collateral it signed must never appraise a quote from Intel's hardware, nor the reverse.
     */
    private List<X509Certificate> issuerChain(String pem, X509Certificate quoteRoot, String name) {
        List<X509Certificate> chain;
        try {
            chain = QuoteVerifier.certificates(pem.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " is not PEM certificates");
        }
        if (chain.size() != 2) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " is not a certificate and its root");
        }
        chains.validate(chain, name);
        if (!Arrays.equals(chain.get(1).getPublicKey().getEncoded(), quoteRoot.getPublicKey().getEncoded())) {
            throw new AttestationFailure(Reason.UNTRUSTED_ROOT, name + " does not end in the quote's root");
        }
        return chain;
    }

    /** Only an end-entity certificate meant for signatures may sign TCB info or a QE identity. */
    private static X509Certificate signer(List<X509Certificate> chain) {
        X509Certificate signer = chain.get(0);
        boolean[] usage = signer.getKeyUsage();
        if (signer.getBasicConstraints() != -1 || (usage != null && !usage[0])) {
            throw new AttestationFailure(Reason.CERTIFICATE_CHAIN_INVALID, "a collateral signer is not a signing certificate");
        }
        return signer;
    }

    /** Intel signs the exact JSON text with ECDSA P-256 and publishes the raw r || s, 64 bytes. */
    private static void checkSignature(X509Certificate signer, String text, byte[] signature, String name) {
        if (signature.length != 64
                || !QuoteVerifier.verifyP1363(signer.getPublicKey(), text.getBytes(StandardCharsets.UTF_8), signature)) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " signature does not verify");
        }
    }

    /** The PCK CRL must come from the CA that issued the quote's PCK certificate, or it proves nothing about it. */
    private void checkRevocation(Collateral collateral, List<X509Certificate> pck, X509Certificate crlIssuer,
                                 List<X509Certificate> issuedByRoot) {
        X509Certificate pckCa = pck.get(1);
        if (!crlIssuer.getSubjectX500Principal().equals(pckCa.getSubjectX500Principal())
                || !Arrays.equals(crlIssuer.getPublicKey().getEncoded(), pckCa.getPublicKey().getEncoded())) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, "the PCK CRL is not from the PCK certificate's CA");
        }
        X509CRL rootCrl = crls.issuedBy(collateral.rootCaCrl(), pck.get(2), "the root CA CRL");
        for (X509Certificate certificate : issuedByRoot) {
            CollateralCrls.notRevoked(rootCrl, certificate, "a certificate issued by the root");
        }
        X509CRL pckCrl = crls.issuedBy(collateral.pckCrl(), crlIssuer, "the PCK CRL");
        CollateralCrls.notRevoked(pckCrl, pck.get(0), "the PCK certificate");
    }

    private void checkCurrent(Instant issueDate, Instant nextUpdate, String name) {
        Instant now = clock.instant();
        if (now.isBefore(issueDate) || now.isAfter(nextUpdate)) {
            throw new AttestationFailure(Reason.COLLATERAL_INVALID, name + " is not current");
        }
    }

    /**
     * Revoked is refused here, as Intel's QVL ends verification with a revoked result and dcap-qvl refuses it;
     * every other status goes to policy with both levels' advisories, platform first, without repeats.
     */
    private static VerifiedQuote.TcbStatus verdict(TcbInfo.Level platform, QeIdentity.Level qe) {
        TcbLevelStatus status = platform.status().convergeWithQe(qe.status());
        if (status == TcbLevelStatus.Revoked) {
            throw new AttestationFailure(Reason.CERTIFICATE_REVOKED, "the platform or QE TCB level is revoked");
        }
        Set<String> advisories = new LinkedHashSet<>(platform.advisoryIds());
        advisories.addAll(qe.advisoryIds());
        return new VerifiedQuote.TcbStatus(status.name(), List.copyOf(advisories));
    }
}
