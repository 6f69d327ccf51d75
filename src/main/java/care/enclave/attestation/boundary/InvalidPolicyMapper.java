package care.enclave.attestation.boundary;

import care.enclave.attestation.control.PolicyStore.InvalidPolicy;
import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A policy document that is not acceptable: 400, naming what is wrong with it. */
@Provider
public class InvalidPolicyMapper implements ExceptionMapper<InvalidPolicy> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(InvalidPolicy invalid) {
        Problem problem = Problem.of(400, "Invalid policy").detail(invalid.getMessage());
        invalid.field().ifPresent(field -> problem.extension("field", field));
        return problems.respond(problem);
    }
}
