package care.enclave.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Gives every request a correlation id, echoed in the response so a caller can quote it. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorrelationFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Correlation.ensure(request, response);
        chain.doFilter(request, response);
    }
}
