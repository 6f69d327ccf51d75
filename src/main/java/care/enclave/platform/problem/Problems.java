package care.enclave.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into a response carrying the current request's correlation id. */
@ApplicationScoped
public class Problems {

    @Inject
    HttpServletRequest request;

    public Response respond(Problem problem) {
        return problem.toResponse(correlationId());
    }

    public String correlationId() {
        return Correlation.of(request);
    }
}
