package care.enclave.platform.problem;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one catch-all: JAX-RS's own errors (unknown path, wrong method or media type) keep their status
 * as problem JSON; anything unexpected becomes a 500 without details. Only the exception's type chain
 * is logged, because third-party messages may quote the input.
 */
@Provider
public class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(CatchAllExceptionMapper.class.getName());

    @Inject
    Problems problems;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return problems.respond(Problem.of(status.getStatusCode(), status.getReasonPhrase()));
        }
        LOG.log(Level.SEVERE, "Unexpected failure [correlationId={0}]: {1}",
                new Object[]{problems.correlationId(), SafeDescription.of(failure)});
        return problems.respond(Problem.of(500, "Internal Server Error")
                .detail("The request could not be completed; quote the correlation id to an operator."));
    }
}
