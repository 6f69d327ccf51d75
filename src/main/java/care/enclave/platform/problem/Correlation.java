package care.enclave.platform.problem;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Request correlation ids: taken from a well-formed {@code X-Correlation-Id} header or freshly made. */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    static final String ATTRIBUTE = Correlation.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The id of the request this thread is serving, for outgoing calls made on its behalf. */
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** A caller's id is reused only when it cannot smuggle anything into a log line. */
    public static String accept(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : fresh();
    }

    public static String fresh() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /**
     * The request's id, assigned on first use. Authentication runs before servlet filters, so both the
     * filter and the authentication mechanism call this.
     */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        String id = of(request);
        if (id == null) {
            id = accept(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
            response.setHeader(HEADER, id);
        }
        return id;
    }

    /** The id of the request this thread serves, if any ({@link CorrelationFilter} sets it). */
    public static java.util.Optional<String> current() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    static void serving(String id) {
        if (id == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(id);
        }
    }

    public static String of(ServletRequest request) {
        Object id = request == null ? null : request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : null;
    }
}
