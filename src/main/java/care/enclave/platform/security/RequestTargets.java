package care.enclave.platform.security;

/**
 * Whether a request's path and query, as sent, are what RFC 3986 allows, and say what they seem to. Checked
 * before anything parses them: a raw {@code < > " { } | ^ ` [ ] \} or a space made the JAX-RS runtime fail
 * with a 500 (URISyntaxException), and the web container's own refusal of an encoded slash or dot logged the
 * whole URI (SRVE0315E, with the patient id in it). Here such a request is a plain 400, logged nowhere.
 * Encoded {@code / . \ #}, NUL and control characters are refused too: no id or route contains them, and a
 * decoded {@code ../} must never reach a path-based decision.
 */
final class RequestTargets {

    /** RFC 3986 unreserved, sub-delims, ':' and '@' (pchar without pct-encoded), and the path separator. */
    private static final String PATH_CHARS = "-._~!$&'()*+,;=:@/";
    /** A query may also carry '?' ('/' is in the path set already). */
    private static final String QUERY_CHARS = PATH_CHARS + "?";

    private RequestTargets() {
    }

    static boolean wellFormed(String rawPath, String rawQuery) {
        return rawPath != null && rawPath.startsWith("/") && conforms(rawPath, PATH_CHARS, true)
                && (rawQuery == null || conforms(rawQuery, QUERY_CHARS, false));
    }

    private static boolean conforms(String raw, String allowed, boolean path) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !acceptableEscape(raw.charAt(i + 1), raw.charAt(i + 2), path)) {
                    return false;
                }
                i += 2;
            } else if (!(isAsciiLetterOrDigit(c) || allowed.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean acceptableEscape(char high, char low, boolean path) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        if (h < 0 || l < 0) {
            return false;
        }
        int octet = h * 16 + l;
        if (octet < 0x20 || octet == 0x7f) {
            return false;
        }
        return !path || (octet != '/' && octet != '.' && octet != '\\' && octet != '#');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
