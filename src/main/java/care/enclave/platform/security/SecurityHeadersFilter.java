package care.enclave.platform.security;

import care.enclave.platform.problem.Correlation;
import care.enclave.platform.problem.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Browser hardening on every response of the WAR. The policy allows only this origin and no inline
 * script or style at all, so injected markup cannot run; Trusted Types make {@code innerHTML} and the
 * like throw outright. Nothing may frame the portal. Only the public static files under
 * {@value #STATIC_PREFIX} may be cached (and are revalidated); every other answer, patient JSON above
 * all, is {@code no-store}. HTTPS is pinned for a year (HSTS). State-changing requests that a browser says
 * come from another site are refused with 403 before any resource runs ({@link CrossSiteRequests}).
 * <p>
 * It is also the front door: a request target RFC 3986 does not allow is a 400 before anything parses it
 * ({@link RequestTargets}), and plain HTTP is only ever redirected, to the configured {@link PublicOrigin}
 * (the container's own redirect, for web.xml's CONFIDENTIAL guarantee, echoed the {@code Host} header).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String STATIC_PREFIX = "/assets/";
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob:",
            "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
            "form-action 'self'", "frame-ancestors 'none'", "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    private PublicOrigin publicOrigin;

    @Override
    public void init() {
        publicOrigin = PublicOrigin.of(ConfigProvider.getConfig());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!RequestTargets.wellFormed(request.getRequestURI(), request.getQueryString())) {
            refuse(request, response, Problem.of(400, "Bad Request")
                    .detail("The request target holds characters that must be percent-encoded, or encodes a"
                            + " separator, a dot or a control character."));
            return;
        }
        if (!request.isSecure()) {
            redirectToHttps(request, response);
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        boolean staticFile = request.getRequestURI().startsWith(STATIC_PREFIX);
        response.setHeader("Cache-Control", staticFile ? "no-cache" : "no-store");
        if (CrossSiteRequests.refused(request.getMethod(), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Origin"), ownOrigin(request))) {
            refuse(request, response, Problem.of(403, "Forbidden")
                    .detail("State-changing requests from another site are refused."));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            AbortedBodies.settle(request);
        }
    }

    /** The origin the browser addressed: its Host header is what a cross-site page cannot choose. */
    private static String ownOrigin(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }

    /** Same path and query on the public origin; nothing of the request's own {@code Host} is used. */
    private void redirectToHttps(HttpServletRequest request, HttpServletResponse response) {
        String query = request.getQueryString();
        String path = request.getRequestURI().startsWith("//") ? "/" : request.getRequestURI();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", publicOrigin.resolve(path + (query == null ? "" : "?" + query)).toString());
        response.setHeader("Cache-Control", "no-store");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson(Correlation.ensure(request, response)));
    }
}
