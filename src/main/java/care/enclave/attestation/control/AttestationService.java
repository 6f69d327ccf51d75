package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.control.PolicyRules.PolicyViolation;
import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.attestation.entity.Collateral;
import care.enclave.attestation.entity.RuntimeData;
import care.enclave.attestation.entity.VerifiedQuote;
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

    public String attestSgx(byte[] quote, RuntimeData runtime, String nonce) {
        return attestSgx(quote, runtime, nonce, null);
    }

    /** With collateral, the platform's TCB status is evaluated and reported (and may be required by policy). */
    public String attestSgx(byte[] quote, RuntimeData runtime, String nonce, Collateral collateral) {
        VerifiedQuote verified;
        try {
            verified = verify(quote, runtime, collateral);
        } catch (AttestationFailure refused) {
            audit.record(AuditEvent.denied(Action.ATTESTATION, refused instanceof PolicyViolation violation
                    ? refused.reason() + ":" + violation.rule() : refused.reason()));
            throw refused;
        }
        String token = tokens.issue(verified, runtime, nonce, policies.hash());
        audit.record(AuditEvent.success(Action.ATTESTATION)
                .on("mrenclave=" + HexFormat.of().formatHex(verified.enclave().mrEnclave())));
        return token;
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
    public String attestOpenEnclave(byte[] report, RuntimeData runtime, String nonce, Collateral collateral) {
        return attestSgx(quoteOfOpenEnclaveReport(report), runtime, nonce, collateral);
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
