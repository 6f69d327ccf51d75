package care.enclave.audit.boundary;

import care.enclave.audit.api.AuditUnavailable;
import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/** An operation that could not be audited did not report success: 503, retry shortly. */
@Provider
public class AuditUnavailableMapper implements ExceptionMapper<AuditUnavailable> {

    private static final Logger LOG = Logger.getLogger(AuditUnavailableMapper.class.getName());
    private static final int RETRY_AFTER_SECONDS = 2;

    @Inject
    Problems problems;

    @Override
    public Response toResponse(AuditUnavailable failure) {
        LOG.warning(() -> failure.getMessage() + " [correlationId=" + problems.correlationId() + "]");
        return problems.respond(Problem.of(503, "Service unavailable").retryAfter(RETRY_AFTER_SECONDS)
                .detail("The audit trail cannot be written; nothing is answered unaudited. Retry shortly."));
    }
}
