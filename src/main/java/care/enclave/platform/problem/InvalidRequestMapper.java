package care.enclave.platform.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Unreadable request bodies: 400, or 413 when over the endpoint's limit. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequest> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(InvalidRequest invalid) {
        return problems.respond(invalid.tooLarge()
                ? Problem.of(413, "Request body too large").detail(invalid.getMessage())
                : Problem.of(400, "Malformed request body").detail(invalid.getMessage()));
    }
}
