package care.enclave.platform.attestation;

import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/** A refused attestation token: 401, or 403 when the token is valid but its enclave is not acceptable. */
@Provider
public class AttestationTokenExceptionMapper implements ExceptionMapper<AttestationTokenException> {

    private static final Set<String> FORBIDDEN = Set.of("ENCLAVE_NOT_ALLOWED", "DEBUG_ENCLAVE_REFUSED");

    @Inject
    Problems problems;

    @Override
    public Response toResponse(AttestationTokenException refused) {
        boolean forbidden = FORBIDDEN.contains(refused.reason());
        return problems.respond(Problem.of(forbidden ? 403 : 401, forbidden ? "Enclave not accepted" : "Attestation token refused")
                .detail(refused.getMessage()).extension("reason", refused.reason()));
    }
}
