package care.enclave.platform.security;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.Set;

/**
 * The caller {@link CallerAuthentication} established for one request, as JAX-RS sees it. An anonymous
 * request has no principal and no roles; the container's own idea of the caller is never consulted.
 *
 * @param principal the verified caller (a staff name, or the {@link VerifiedToken} itself), or null
 * @param roles the application roles granted to it
 * @param scheme how it authenticated: {@link SecurityContext#BASIC_AUTH}, {@code "Bearer"} or {@link
 *     SecurityContext#FORM_AUTH} for the portal's session; null when anonymous
 * @param secure whether the request came over TLS
 */
record EstablishedCaller(Principal principal, Set<String> roles, String scheme, boolean secure)
        implements SecurityContext {

    static final String BEARER = "Bearer";

    EstablishedCaller {
        roles = Set.copyOf(roles);
    }

    static EstablishedCaller anonymous(boolean secure) {
        return new EstablishedCaller(null, Set.of(), null, secure);
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal != null && roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
