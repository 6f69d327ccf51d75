package care.enclave.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The web container's own errors (a request URI it cannot decode, a failure before JAX-RS is reached) as
 * problem JSON instead of the container's HTML page, which names its message ids and echoes the request
 * URI. web.xml routes every such error here; nothing of the request is echoed or logged.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

    static final String PATH = "/.problem";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 && given <= 599 ? given : 404;
        Response.Status known = Response.Status.fromStatusCode(status);
        Problem problem = Problem.of(status, known != null ? known.getReasonPhrase() : "Request not accepted");
        if (status >= 500) {
            problem.detail("The request could not be completed; quote the correlation id to an operator.");
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson(Correlation.ensure(request, response)));
    }
}
