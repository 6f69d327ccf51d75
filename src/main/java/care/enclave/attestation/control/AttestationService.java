package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.control.PolicyRules.PolicyViolation;
import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.attestation.entity.Collateral;
import care.enclave.attestation.entity.RuntimeData;
import care.enclave.attestation.entity.VerifiedQuote;
import care.enclave.platform.metrics.AppMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The attestation service: verify the evidence, apply the policy, issue a token. Used by the MAA-compatible
 * REST resource and, in process, by this platform to attest itself and its diagnostics provider. Every
 * decision is audited: the enclave's MRENCLAVE when a token is issued, the failed check when refused.
 */
@ApplicationScoped
public class AttestationService {

    private static final int OE_HEADER_LENGTH = 16;
    private static final int OE_REPORT_TYPE_REMOTE = 2;

    @Inject
    TrustAnchors anchors;

    @Inject
    PolicyStore policies;

    @Inject
    TokenIssuer tokens;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    AppMetrics metrics;

    public String attestSgx(byte[] quote, RuntimeData runtime, String nonce) {
        return attestSgx(quote, runtime, nonce, null, null);
    }

    public String attestSgx(byte[] quote, RuntimeData runtime, String nonce, Collateral collateral) {
        return attestSgx(quote, runtime, nonce, null, collateral);
    }

    /**
     * With collateral, the platform's TCB status is evaluated and reported (and may be required by policy). The
     * token carries the nonce the evidence binds ({@link BoundNonce}) and, when named, the audience it is for.
     */
    public String attestSgx(byte[] quote, RuntimeData runtime, String nonce, String audience, Collateral collateral) {
        VerifiedQuote verified;
        String boundNonce;
        try {
            verified = verify(quote, runtime, collateral);
            boundNonce = BoundNonce.of(runtime, nonce);
        } catch (AttestationFailure refused) {
            outcome("refused", refused.reason());
            audit.record(AuditEvent.denied(Action.ATTESTATION, refused instanceof PolicyViolation violation
                    ? refused.reason() + ":" + violation.rule() : refused.reason()));
            throw refused;
        }
        String token = tokens.issue(verified, runtime, boundNonce, audience, policies.hash());
        outcome("verified", "NONE");
        audit.record(AuditEvent.success(Action.ATTESTATION)
                .on("mrenclave=" + HexFormat.of().formatHex(verified.enclave().mrEnclave())));
        return token;
    }

    private void outcome(String outcome, String reason) {
        metrics.increment("attestation.outcomes", "Evidence attested (verified) or refused, by the failed check",
                "outcome", outcome, "reason", reason);
    }

    private VerifiedQuote verify(byte[] quote, RuntimeData runtime, Collateral collateral) {
        VerifiedQuote verified = new QuoteVerifier(anchors.roots(), clock)
                .verify(quote, runtime == null ? null : runtime.data());
        if (collateral != null) {
            verified = verified.withTcb(new CollateralVerifier(anchors.roots(), clock).evaluate(verified, collateral));
        }
        PolicyRules.check(policies.current(), verified);
        return verified;
    }

    /** An Open Enclave remote report: a 16-byte header (version 1, type 2, quote size) before the quote. */
    public String attestOpenEnclave(byte[] report, RuntimeData runtime, String nonce, String audience,
                                    Collateral collateral) {
        return attestSgx(quoteOfOpenEnclaveReport(report), runtime, nonce, audience, collateral);
    }

    static byte[] quoteOfOpenEnclaveReport(byte[] report) {
        if (report == null || report.length < OE_HEADER_LENGTH) {
            throw new AttestationFailure(Reason.MALFORMED_EVIDENCE, "the report is shorter than its header");
        }
        ByteBuffer header = ByteBuffer.wrap(report, 0, OE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        int version = header.getInt();
        int type = header.getInt();
        long size = header.getLong();
        if (version != 1 || type != OE_REPORT_TYPE_REMOTE || size != report.length - OE_HEADER_LENGTH) {
            throw new AttestationFailure(Reason.MALFORMED_EVIDENCE, "not an Open Enclave remote report");
        }
        return Arrays.copyOfRange(report, OE_HEADER_LENGTH, report.length);
    }
}
