package care.enclave.platform.security;

import java.security.Principal;

/**
 * A CDI event fired when {@link AccessControl} refuses a caller who presented something: credentials that
 * did not verify (401) or an identity without the role (403). Observers (the audit trail) must not throw.
 *
 * @param caller      the authenticated caller, or null when the credentials were rejected
 * @param scheme      the rejected credential scheme ({@code basic}, {@code bearer}, {@code other}, {@code csrf}), or
 *                    {@code throttled} for Basic credentials held back unchecked; null for a refused role
 * @param claimedUser the staff user name a rejected Basic login claimed, only when it names a staff account
 * @param client      the connection's remote address, for counting repeated refusals (not recorded)
 * @param route       the HTTP method and route template (e.g. {@code GET patient/{id}}), never the request path
 * @param recordId    the {@code id} path parameter, or null; observers must not store it in clear
 */
public record AccessRefused(Principal caller, String scheme, String claimedUser, String client, String route, String recordId) {

    /** Without the record id: a container that logs a failing observer's event must not log a patient id. */
    @Override
    public String toString() {
        return "AccessRefused[scheme=" + scheme + ", route=" + route + "]";
    }
}
