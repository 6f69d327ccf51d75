package care.enclave.platform.security;

import java.io.Serializable;
import java.util.List;

/**
 * Who signed in on the portal, kept in the HTTP session: the caller's name, roles and the per-session
 * token that every state-changing request authenticated by this session must echo ({@value #CSRF_HEADER}).
 */
public record SessionCaller(String name, List<String> roles, String csrfToken) implements Serializable {

    /** The request header carrying the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    public SessionCaller {
        roles = List.copyOf(roles);
    }
}
