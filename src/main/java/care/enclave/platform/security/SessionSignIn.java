package care.enclave.platform.security;

import care.enclave.platform.problem.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The portal's session sign-in: staff credentials are checked by the same identity store as HTTP Basic,
 * then the caller is kept in a fresh HTTP session (a new session id, so a planted cookie cannot be
 * promoted) with a random CSRF token. {@link CallerAuthentication} restores the caller from the session on
 * later requests; the session ends on sign-out or after web.xml's idle timeout. Refusals are logged with
 * the correlation id only, never the user name (which may be a mistyped password).
 */
@ApplicationScoped
public class SessionSignIn {

    static final String ATTRIBUTE = SessionCaller.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final int MAX_USER_CHARS = 64;
    private static final int MAX_PASSWORD_CHARS = 256;
    private static final Logger LOG = Logger.getLogger(SessionSignIn.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInThrottle throttle = new SignInThrottle(System::nanoTime);

    @Inject
    IdentityStoreHandler identityStores;

    /** Signs the caller in, or throws {@link SignInException}. */
    public SessionCaller signIn(HttpServletRequest request, String user, String password) {
        List<String> keys = List.of("client:" + request.getRemoteAddr(), "account:" + user);
        long wait = keys.stream().mapToLong(throttle::retryAfterSeconds).max().orElse(0);
        if (wait > 0) {
            LOG.warning(() -> "Portal sign-in throttled after repeated failures [correlationId="
                    + Correlation.of(request) + "]");
            throw new SignInException(wait);
        }
        CredentialValidationResult result = validate(user, password);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            keys.forEach(throttle::failed);
            LOG.info(() -> "Portal sign-in refused: wrong user name or password [correlationId="
                    + Correlation.of(request) + "]");
            throw new SignInException(0);
        }
        keys.forEach(throttle::succeeded);
        return establish(request, result);
    }

    /** The caller signed in on this request's session, if any. */
    public Optional<SessionCaller> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object caller = session == null ? null : session.getAttribute(ATTRIBUTE);
        return caller instanceof SessionCaller c ? Optional.of(c) : Optional.empty();
    }

    /** Seconds of inactivity after which the session ends. */
    public int idleTimeoutSeconds(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? 0 : session.getMaxInactiveInterval();
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Safe methods need no token; anything else must echo the session's token in {@value SessionCaller#CSRF_HEADER}. */
    static boolean csrfSatisfied(HttpServletRequest request, SessionCaller caller) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String sent = request.getHeader(SessionCaller.CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                caller.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private CredentialValidationResult validate(String user, String password) {
        if (user == null || password == null || user.isEmpty() || user.length() > MAX_USER_CHARS
                || password.length() > MAX_PASSWORD_CHARS) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return identityStores.validate(new UsernamePasswordCredential(user, password));
    }

    private static SessionCaller establish(HttpServletRequest request, CredentialValidationResult result) {
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        SessionCaller caller = new SessionCaller(result.getCallerPrincipal().getName(),
                List.copyOf(result.getCallerGroups()), token());
        session.setAttribute(ATTRIBUTE, caller);
        return caller;
    }

    private static String token() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
