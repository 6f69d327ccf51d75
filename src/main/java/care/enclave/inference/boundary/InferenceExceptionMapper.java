package care.enclave.inference.boundary;

import care.enclave.inference.control.InferenceException;
import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Inference outcomes as problem JSON; the messages are fixed texts without tensor values. */
@Provider
public class InferenceExceptionMapper implements ExceptionMapper<InferenceException> {

    private static final int RETRY_AFTER_SECONDS = 2;
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(InferenceExceptionMapper.class.getName());

    @Inject
    Problems problems;

    @Override
    public Response toResponse(InferenceException failure) {
        Problem problem = switch (failure.kind()) {
            case MODEL_NOT_FOUND -> Problem.of(404, "Model not found");
            case INVALID_INPUT -> Problem.of(400, "Invalid inference request");
            case REPLAYED -> Problem.of(409, "Request already answered");
            case BUSY -> Problem.of(503, "Inference capacity exhausted").retryAfter(RETRY_AFTER_SECONDS);
            case FAILED -> Problem.of(422, "The model could not process this input");
        };
        LOG.info(() -> "Inference refused: " + failure.kind() + " [correlationId=" + problems.correlationId() + "]");
        return problems.respond(problem.detail(failure.getMessage()).extension("reason", failure.kind().name()));
    }
}
