package care.enclave.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Gives every request a correlation id, echoed in the response so a caller can quote it, and known to the
 * thread serving it so calls to other services carry it on ({@link CorrelationHeader}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorrelationFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Correlation.serving(Correlation.ensure(request, response));
        try {
            chain.doFilter(request, response);
        } finally {
            Correlation.serving(null);
        }
    }
}
