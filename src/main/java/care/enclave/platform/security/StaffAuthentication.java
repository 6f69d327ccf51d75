package care.enclave.platform.security;

import care.enclave.platform.problem.Correlation;
import care.enclave.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic over TLS for hospital staff. A failed or missing login on a protected resource gets a 401
 * problem document and a Basic challenge; unprotected resources pass through untouched.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

    private static final String CHALLENGE = "Basic realm=\"Enclave Care\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<UsernamePasswordCredential> login = basicCredential(request.getHeader("Authorization"));
        if (login.isPresent()) {
            CredentialValidationResult result = identityStores.validate(login.get());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return challenge(request, response, "The user name or password is not valid.");
        }
        if (context.isProtected()) {
            return challenge(request, response, "Sign in as hospital staff to use this resource.");
        }
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

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
                                                  String detail) {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", CHALLENGE);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(Problem.of(401, "Unauthorized").detail(detail).toJson(Correlation.ensure(request, response)));
        } catch (IOException clientGone) {
            // Nothing to tell a client that has disconnected.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
