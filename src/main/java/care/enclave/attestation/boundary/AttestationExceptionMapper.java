package care.enclave.attestation.boundary;

import care.enclave.attestation.control.AttestationFailure;
import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.control.PolicyRules.PolicyViolation;
import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.EnumSet;
import java.util.Set;

/**
 * Attestation refusals as problem JSON with a machine-readable {@code reason} (and the failed {@code rule}
 * for policy violations). Bad evidence is the caller's problem (400, a nonce the evidence does not bind
 * included); a bad token, one meant for another audience, or a missing or bad DPoP proof is 401; a valid
 * token the key's release policy refuses is 403.
 */
@Provider
public class AttestationExceptionMapper implements ExceptionMapper<AttestationFailure> {

    private static final Set<Reason> TOKEN = EnumSet.of(Reason.TOKEN_INVALID, Reason.TOKEN_EXPIRED,
            Reason.TOKEN_UNTRUSTED_ISSUER, Reason.TOKEN_ALGORITHM_REFUSED, Reason.TOKEN_UNKNOWN_KEY,
            Reason.AUDIENCE_MISMATCH, Reason.PROOF_MISSING, Reason.PROOF_KEY_UNBOUND, Reason.PROOF_INVALID,
            Reason.PROOF_ALGORITHM_REFUSED, Reason.PROOF_KEY_MISMATCH, Reason.PROOF_MISMATCH, Reason.PROOF_STALE,
            Reason.PROOF_REPLAYED);
    private static final Set<Reason> FORBIDDEN = EnumSet.of(Reason.RELEASE_POLICY_VIOLATION,
            Reason.ENCLAVE_NOT_ALLOWED, Reason.DEBUG_ENCLAVE_REFUSED, Reason.RUNTIME_KEY_MISSING);

    @Inject
    Problems problems;

    @Override
    public Response toResponse(AttestationFailure failure) {
        Problem problem = Problem.of(status(failure.failedCheck()), title(failure.failedCheck()))
                .detail(failure.getMessage())
                .extension("reason", failure.reason());
        if (failure instanceof PolicyViolation violation) {
            problem.extension("rule", violation.rule());
        }
        return problems.respond(problem);
    }

    private static int status(Reason reason) {
        if (TOKEN.contains(reason)) {
            return 401;
        }
        if (FORBIDDEN.contains(reason)) {
            return 403;
        }
        return reason == Reason.KEY_NOT_FOUND ? 404 : 400;
    }

    private static String title(Reason reason) {
        if (TOKEN.contains(reason)) {
            return "Attestation token refused";
        }
        if (FORBIDDEN.contains(reason)) {
            return "Release refused";
        }
        return reason == Reason.POLICY_VIOLATION ? "Attestation policy not satisfied" : "Evidence refused";
    }
}
