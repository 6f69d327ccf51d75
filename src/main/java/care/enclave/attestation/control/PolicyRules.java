package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.Policy;
import care.enclave.attestation.entity.VerifiedQuote;

import java.util.HexFormat;

/** Applies a policy to a verified quote; a failure names the rule, never the evidence's values. */
public final class PolicyRules {

    private PolicyRules() {
    }

    public static void check(Policy policy, VerifiedQuote quote) {
        String mrEnclave = HexFormat.of().formatHex(quote.enclave().mrEnclave());
        String mrSigner = HexFormat.of().formatHex(quote.enclave().mrSigner());
        require(policy.allowedMrEnclaves().isEmpty() || policy.allowedMrEnclaves().contains(mrEnclave),
                "allowedMrEnclaves", "the enclave's MRENCLAVE is not allowed");
        require(policy.allowedMrSigners().isEmpty() || policy.allowedMrSigners().contains(mrSigner),
                "allowedMrSigners", "the enclave's MRSIGNER is not allowed");
        require(policy.productId() == null || policy.productId() == quote.enclave().isvProdId(),
                "productId", "the enclave's product id is not the required one");
        require(quote.enclave().isvSvn() >= policy.minSvn(), "minSvn", "the enclave's security version is too low");
        require(policy.allowDebug() || !quote.enclave().debuggable(),
                "allowDebug", "debuggable enclaves are not allowed");
        require(policy.allowedTcbStatuses().isEmpty()
                        || quote.tcb() != null && policy.allowedTcbStatuses().contains(quote.tcb().status()),
                "allowedTcbStatuses", "the platform's TCB status is not allowed (or no collateral was given)");
    }

    private static void require(boolean holds, String rule, String why) {
        if (!holds) {
            throw new PolicyViolation(rule, why);
        }
    }

    /** The rule that failed is part of the answer, so an operator can see which to change. */
    public static final class PolicyViolation extends AttestationFailure {
        private final String rule;

        PolicyViolation(String rule, String why) {
            super(Reason.POLICY_VIOLATION, "rule " + rule + " failed: " + why);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }
}
