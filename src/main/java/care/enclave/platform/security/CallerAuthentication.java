package care.enclave.platform.security;

import care.enclave.platform.attestation.ProofRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.SecurityContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Establishes who is calling: hospital staff with HTTP Basic over TLS or with the portal's session
 * ({@link SessionSignIn}; state-changing requests must carry the session's CSRF token), or a partner or
 * attested enclave with a bearer token (each {@link BearerTokenAuthenticator} judges the tokens of its
 * kind). An Authorization header takes precedence over a session. It never refuses a request itself: a
 * missing or invalid credential leaves the caller anonymous, noting why, and {@link AccessControl} answers
 * 401 or 403. (Refusing here would let Liberty replace the challenge header and log the request URI, which
 * holds patient ids.)
 *
 * <p>The caller is handed to JAX-RS ({@link CallerSecurityContext}), not to the container: a container login
 * ({@code notifyContainerAboutLogin}) makes Liberty run a JAAS login, create and RSA-sign an LTPA single
 * sign-on token and cache the subject on every request, which was 35% of an encrypted write's CPU and 60% of an
 * authenticated no-op's (docs/performance.md; there is no switch for it, OpenLiberty issue 34866). Every request
 * here is authenticated afresh (credentials, token or the portal's own session), so nothing needs that token.
 */
@ApplicationScoped
public class CallerAuthentication implements HttpAuthenticationMechanism {

    /** Request attribute holding the {@link EstablishedCaller}, when one was established. */
    static final String CALLER = CallerAuthentication.class.getName() + ".caller";
    /** Request attribute naming the credential scheme that was presented but not accepted. */
    static final String REJECTED_SCHEME = CallerAuthentication.class.getName() + ".rejected";
    /** Request attribute naming the staff account a rejected Basic login claimed (only a real account name). */
    static final String REJECTED_USER = CallerAuthentication.class.getName() + ".rejected-user";
    /** Request attribute holding a refused token's stable reason code (e.g. PROOF_MISSING), when there is one. */
    static final String REJECTED_REASON = CallerAuthentication.class.getName() + ".rejected-reason";
    /** Request attribute holding the seconds a throttled Basic login must wait (its password was not checked). */
    static final String THROTTLED = CallerAuthentication.class.getName() + ".throttled";
    private static final Logger LOG = Logger.getLogger(CallerAuthentication.class.getName());
    /** The Jakarta Authentication key naming the request's auth type (HttpServletRequest.getAuthType). */
    private static final String AUTH_TYPE_KEY = "jakarta.servlet.http.authType";
    private static final String AUTH_TYPE = "ENCLAVE_CARE";

    @Inject
    PasswordLogins logins;

    @Inject
    Instance<BearerTokenAuthenticator> bearerTokens;

    @Inject
    SessionSignIn sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // Liberty's security audit re-parses any "Basic" header itself when the request's auth type is BASIC and
        // fails with a 500 on a malformed one, before this application sees the request; our own type avoids it.
        context.getMessageInfo().getMap().put(AUTH_TYPE_KEY, AUTH_TYPE);
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return session(request, context);
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).strip(), request, context);
        }
        if (authorization.regionMatches(true, 0, "DPoP ", 0, 5)) {
            // RFC 9449's scheme for proof-bound tokens; every authenticator that needs a proof demands it either way.
            return bearer(authorization.substring(5).strip(), request, context);
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization, request, context);
        }
        request.setAttribute(REJECTED_SCHEME, "other");
        return context.doNothing();
    }

    /** The portal's signed-in caller; a state-changing request without the session's CSRF token stays anonymous. */
    private AuthenticationStatus session(HttpServletRequest request, HttpMessageContext context) {
        Optional<SessionCaller> caller = sessions.current(request);
        if (caller.isEmpty()) {
            return context.doNothing();
        }
        if (!SessionSignIn.csrfSatisfied(request, caller.get())) {
            request.setAttribute(REJECTED_SCHEME, "csrf");
            return context.doNothing();
        }
        return establish(request, context, new EstablishedCaller(new CallerPrincipal(caller.get().name()),
                Set.copyOf(caller.get().roles()), SecurityContext.FORM_AUTH, request.isSecure()));
    }

    private AuthenticationStatus basic(String authorization, HttpServletRequest request, HttpMessageContext context) {
        Optional<UsernamePasswordCredential> login = basicCredential(authorization);
        if (login.isPresent()) {
            PasswordLogins.Outcome outcome = logins.check(request.getRemoteAddr(), login.get().getCaller(),
                    login.get().getPasswordAsString());
            if (outcome.valid()) {
                CredentialValidationResult result = outcome.result();
                return establish(request, context, new EstablishedCaller(result.getCallerPrincipal(),
                        result.getCallerGroups(), SecurityContext.BASIC_AUTH, request.isSecure()));
            }
            if (outcome.throttled()) {
                request.setAttribute(THROTTLED, outcome.retryAfterSeconds());
            }
            StaffAccount.byUserName(login.get().getCaller())
                    .ifPresent(account -> request.setAttribute(REJECTED_USER, account.userName()));
        }
        request.setAttribute(REJECTED_SCHEME, "basic");
        return context.doNothing();
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpMessageContext context) {
        try {
            BearerTokenAuthenticator.VerifiedCaller caller = null;
            Set<String> roles = new HashSet<>();
            // One object for all authenticators: a proof shown to each of them is not replayed by that (ProofReplays).
            ProofRequest proved = proofRequest(request);
            for (BearerTokenAuthenticator authenticator : bearerTokens) {
                Optional<BearerTokenAuthenticator.VerifiedCaller> accepted = authenticator.authenticate(token, proved);
                if (accepted.isPresent()) {
                    caller = caller == null ? accepted.get() : caller;
                    roles.addAll(accepted.get().roles());
                }
            }
            if (caller != null) {
                // A valid token without a role here is still a known caller: AccessControl answers 403.
                return establish(request, context,
                        new EstablishedCaller(caller.token(), roles, EstablishedCaller.BEARER, request.isSecure()));
            }
            request.setAttribute(REJECTED_SCHEME, "bearer");
            return context.doNothing();
        } catch (BearerTokenException e) {
            LOG.fine(e::getMessage);
            request.setAttribute(REJECTED_SCHEME, "bearer");
            if (e.reason() != null) {
                request.setAttribute(REJECTED_REASON, e.reason());
            }
            return context.doNothing();
        }
    }

    /** The request as a DPoP proof names it: method, URL without query (RFC 9449 htm, htu), the proof header. */
    private static ProofRequest proofRequest(HttpServletRequest request) {
        List<String> proofs = Collections.list(request.getHeaders("DPoP"));
        String proof = proofs.isEmpty() ? null : proofs.size() == 1 ? proofs.get(0) : ProofRequest.SEVERAL;
        try {
            return new ProofRequest(request.getMethod(), URI.create(request.getRequestURL().toString()), proof);
        } catch (IllegalArgumentException e) {
            return new ProofRequest(request.getMethod(), URI.create("invalid:/"), ProofRequest.SEVERAL);
        }
    }

    /** Keeps the caller for this request only; the container is told nothing (see the class comment). */
    private static AuthenticationStatus establish(HttpServletRequest request, HttpMessageContext context,
                                                  EstablishedCaller caller) {
        request.setAttribute(CALLER, caller);
        return context.doNothing();
    }

    static Optional<UsernamePasswordCredential> basicCredential(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
