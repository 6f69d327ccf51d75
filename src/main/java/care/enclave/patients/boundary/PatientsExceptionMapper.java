package care.enclave.patients.boundary;

import care.enclave.patients.control.PatientsException;
import care.enclave.patients.control.PatientsException.InvalidPatient;
import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Logger;

/** Patients outcomes as problem JSON; the exception messages are fixed texts, safe to show and log. */
@Provider
public class PatientsExceptionMapper implements ExceptionMapper<PatientsException> {

    private static final Logger LOG = Logger.getLogger(PatientsExceptionMapper.class.getName());
    private static final int RETRY_AFTER_SECONDS = 2;

    @Inject
    Problems problems;

    @Override
    public Response toResponse(PatientsException failure) {
        Problem problem = switch (failure.kind()) {
            case INVALID -> Problem.of(400, "Invalid patient data")
                    .detail("One or more fields are invalid; see errors.")
                    .errors(((InvalidPatient) failure).violations().stream()
                            .map(v -> new Problem.FieldError(v.field(), v.reason())).toList());
            case MALFORMED -> Problem.of(400, "Malformed request body");
            case UNSUPPORTED_TYPE -> Problem.of(415, "Unsupported media type");
            case EXISTS -> Problem.of(409, "Patient already exists");
            case FULL -> Problem.of(409, "Record full");
            case NOT_FOUND -> Problem.of(404, "Patient not found");
            case UNAVAILABLE -> Problem.of(503, "Service unavailable").retryAfter(RETRY_AFTER_SECONDS);
            case UNREADABLE -> Problem.of(500, "Record integrity failure");
        };
        if (failure.kind() != PatientsException.Kind.INVALID) {
            problem.detail(failure.getMessage());
        }
        if (problem.status() >= 500) {
            LOG.warning(() -> failure.getMessage() + " [correlationId=" + problems.correlationId() + "]");
        }
        return problems.respond(problem);
    }
}
