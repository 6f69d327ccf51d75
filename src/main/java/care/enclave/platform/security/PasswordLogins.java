package care.enclave.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

/**
 * The one way a staff password is checked, for HTTP Basic and the portal's sign-in alike: a login the
 * {@link SignInThrottle} holds back is answered without checking the password at all (so guessing cannot
 * go on while waiting), a refused one counts against its account and client, an accepted one clears its
 * account's count for that client. The client is the connection's remote address: no proxy is trusted
 * to name another.
 */
@ApplicationScoped
public class PasswordLogins {

    static final int MAX_USER_CHARS = 64;
    static final int MAX_PASSWORD_CHARS = 256;

    /** How a login ended: accepted ({@code result} valid), refused, or held back for {@code retryAfterSeconds}. */
    record Outcome(CredentialValidationResult result, long retryAfterSeconds) {
        boolean valid() {
            return result.getStatus() == CredentialValidationResult.Status.VALID;
        }

        boolean throttled() {
            return retryAfterSeconds > 0;
        }
    }

    private final SignInThrottle throttle = new SignInThrottle(System::nanoTime);

    @Inject
    IdentityStoreHandler identityStores;

    Outcome check(String client, String user, String password) {
        long wait = throttle.retryAfterSeconds(user, client);
        if (wait > 0) {
            return new Outcome(CredentialValidationResult.INVALID_RESULT, wait);
        }
        CredentialValidationResult result = validate(user, password);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(user, client);
        } else {
            throttle.failed(user, client);
        }
        return new Outcome(result, 0);
    }

    /** Over-long input is refused unchecked, which is as fast for a real account as for any other name. */
    private CredentialValidationResult validate(String user, String password) {
        if (user == null || password == null || user.isEmpty() || user.length() > MAX_USER_CHARS
                || password.length() > MAX_PASSWORD_CHARS) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return identityStores.validate(new UsernamePasswordCredential(user, password));
    }
}
