package care.enclave.diagnostics.boundary;

import care.enclave.diagnostics.control.DecoderBusy;
import care.enclave.diagnostics.control.DiagnosticsException;
import care.enclave.diagnostics.control.ImageRejected;
import care.enclave.diagnostics.control.ProviderException;
import care.enclave.platform.problem.Problem;
import care.enclave.platform.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Diagnostics outcomes as problem JSON: a bad image is the caller's (400, 413 when too large, 415 when not
 * PNG/JPEG); every decode slot busy is 503 with Retry-After; a provider that is down or busy is 503 with Retry-After; one we do not trust, or that
 * refuses or fails, is 502; diagnostics switched off on this platform is 503 without Retry-After.
 * Messages are fixed texts.
 */
@Provider
public class DiagnosticsExceptionMapper implements ExceptionMapper<DiagnosticsException> {

    @Inject
    Problems problems;

    @Override
    public Response toResponse(DiagnosticsException failure) {
        Problem problem;
        if (failure instanceof ImageRejected rejected) {
            problem = Problem.of(imageStatus(rejected), "Image not accepted").extension("reason", rejected.kind().name());
        } else if (failure instanceof DecoderBusy) {
            problem = Problem.of(503, "Image decoding busy").retryAfter(2).extension("reason", "DECODER_BUSY");
        } else if (failure instanceof ProviderException provider) {
            problem = switch (provider.kind()) {
                case UNAVAILABLE -> Problem.of(503, "Diagnostics provider unavailable").retryAfter(5);
                case DISABLED -> Problem.of(503, "Diagnostics not enabled");
                default -> Problem.of(502, "Diagnostics provider not usable");
            };
            problem.extension("reason", provider.kind().name());
        } else {
            problem = Problem.of(502, "Diagnostics provider answered unusably");
        }
        return problems.respond(problem.detail(failure.getMessage()));
    }

    private static int imageStatus(ImageRejected rejected) {
        return switch (rejected.kind()) {
            case TOO_MANY_BYTES, TOO_LARGE_DIMENSIONS, IMPLAUSIBLE_COMPRESSION -> 413;
            case UNSUPPORTED_FORMAT -> 415;
            default -> 400;
        };
    }
}
