package care.enclave.platform.security;

import care.enclave.platform.problem.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
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
 * The portal's session sign-in: staff credentials are checked and throttled as for HTTP Basic ({@link PasswordLogins}),
 * then the caller is kept in a fresh HTTP session (a new session id, so a planted cookie cannot be
 * promoted) with a random CSRF token. {@link CallerAuthentication} restores the caller from the session on
 * later requests; the session ends on sign-out or after web.xml's idle timeout. Refusals are logged with
 * the correlation id only, never the user name (which may be a mistyped password).
 */
@ApplicationScoped
public class SessionSignIn {

    static final String ATTRIBUTE = SessionCaller.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = Logger.getLogger(SessionSignIn.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    PasswordLogins logins;

    /** Signs the caller in, or throws {@link SignInException}. */
    public SessionCaller signIn(HttpServletRequest request, String user, String password) {
        PasswordLogins.Outcome login = logins.check(request.getRemoteAddr(), user, password);
        if (login.throttled()) {
            LOG.warning(() -> "Portal sign-in throttled after repeated failures [correlationId="
                    + Correlation.of(request) + "]");
            throw new SignInException(login.retryAfterSeconds());
        }
        if (!login.valid()) {
            LOG.info(() -> "Portal sign-in refused: wrong user name or password [correlationId="
                    + Correlation.of(request) + "]");
            throw new SignInException(0);
        }
        return establish(request, login.result());
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
