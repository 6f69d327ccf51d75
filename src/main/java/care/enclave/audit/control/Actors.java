package care.enclave.audit.control;

import care.enclave.audit.entity.Actor;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;

/**
 * Names callers for the trail: staff by user name, attested enclaves by MRENCLAVE, partners by token
 * subject and issuer. Names come from verified credentials only, and are cut to a bounded printable form.
 */
final class Actors {

    static final String MRENCLAVE_CLAIM = "x-ms-sgx-mrenclave";
    private static final int MAX_NAME = 200;

    private Actors() {
    }

    static Actor of(Principal principal) {
        if (principal == null) {
            return Actor.ANONYMOUS;
        }
        if (principal instanceof JsonWebToken token) {
            Object mrEnclave = token.getClaim(MRENCLAVE_CLAIM);
            return mrEnclave instanceof String measurement ? new Actor("enclave", printable(measurement))
                    : new Actor("partner", printable(token.getName() + " (" + token.getIssuer() + ")"));
        }
        return new Actor("staff", printable(principal.getName()));
    }

    /** A user name that was presented but not proven (a failed sign-in). */
    static Actor claimed(String userName) {
        return new Actor("claimed", userName == null ? "" : printable(userName));
    }

    static String printable(String name) {
        String clean = String.valueOf(name).replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) : clean;
    }
}
