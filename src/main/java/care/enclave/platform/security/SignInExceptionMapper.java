package care.enclave.platform.security;

import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Refused sign-ins: 401 without a Basic challenge (a browser must not pop up its own dialog), or 429. */
@Provider
public class SignInExceptionMapper implements ExceptionMapper<SignInException> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(SignInException refused) {
        if (refused.retryAfterSeconds() > 0) {
            return problems.respond(Problem.of(429, "Too many sign-in attempts")
                    .detail("Wait before trying again.").retryAfter((int) refused.retryAfterSeconds()));
        }
        Response problem = problems.respond(Problem.of(401, "Unauthorized")
                .detail("The user name or password is not valid."));
        return Response.fromResponse(problem).header("WWW-Authenticate", AccessControl.SESSION_CHALLENGE).build();
    }
}
