package care.enclave.platform.security;

import care.enclave.platform.problem.Correlation;
import care.enclave.platform.problem.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Browser hardening on every response of the WAR. The policy allows only this origin and no inline
 * script or style at all, so injected markup cannot run; Trusted Types make {@code innerHTML} and the
 * like throw outright. Nothing may frame the portal. Only the public static files under
 * {@value #STATIC_PREFIX} may be cached (and are revalidated); every other answer, patient JSON above
 * all, is {@code no-store}. HTTPS is pinned for a year (HSTS). State-changing requests that a browser says
 * come from another site are refused with 403 before any resource runs ({@link CrossSiteRequests}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String STATIC_PREFIX = "/assets/";
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob:",
            "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
            "form-action 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        boolean staticFile = request.getRequestURI().startsWith(STATIC_PREFIX);
        response.setHeader("Cache-Control", staticFile ? "no-cache" : "no-store");
        if (CrossSiteRequests.refused(request.getMethod(), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"), ownOrigin(request))) {
            refuseCrossSite(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The origin the browser addressed: its Host header is what a cross-site page cannot choose. */
    private static String ownOrigin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    private static void refuseCrossSite(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Problem problem = Problem.of(403, "Forbidden")
                .detail("State-changing requests from another site are refused.");
        response.setStatus(403);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson(Correlation.ensure(request, response)));
    }
}
