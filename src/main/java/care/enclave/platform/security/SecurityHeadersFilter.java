package care.enclave.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Browser hardening on every response of the WAR. The policy allows only this origin and no inline
 * script or style at all, so injected markup cannot run; Trusted Types make {@code innerHTML} and the
 * like throw outright. Nothing may frame the portal. Only the public static files under
 * {@value #STATIC_PREFIX} may be cached (and are revalidated); every other answer, patient JSON above
 * all, is {@code no-store}.
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
        boolean staticFile = request.getRequestURI().startsWith(STATIC_PREFIX);
        response.setHeader("Cache-Control", staticFile ? "no-cache" : "no-store");
        chain.doFilter(request, response);
    }
}
