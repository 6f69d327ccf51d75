package care.enclave.platform.security;

import care.enclave.platform.attestation.ProofRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Verifies MicroProfile JWT bearer tokens from the one configured issuer, under the standard MP-JWT keys:
 * {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.publickey.location} (a JWKS file). Fails closed:
 * without both, every bearer token is refused. RS256 only; {@code exp} and {@code iat} required; at most
 * {@code mp.jwt.verify.clock.skew} seconds of skew. Tokens may grant only the roles in
 * {@code platform.security.bearer-roles}, so a partner's issuer can never mint hospital staff.
 */
@ApplicationScoped
public class BearerTokenVerifier implements BearerTokenAuthenticator {

    private static final Logger LOG = Logger.getLogger(BearerTokenVerifier.class.getName());

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keysLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<List<String>> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "platform.security.bearer-roles", defaultValue = "partner")
    List<String> grantableRoles;

    private JwtConsumer consumer;

    @PostConstruct
    void configure() {
        if (issuer.isEmpty() || keysLocation.isEmpty()) {
            LOG.info("No bearer-token issuer configured (mp.jwt.verify.issuer, mp.jwt.verify.publickey.location): "
                    + "bearer tokens are refused");
            return;
        }
        consumer = consumer(issuer.get(), readKeys(keysLocation.get()));
        LOG.info(() -> "Bearer tokens accepted from issuer " + issuer.get() + " for roles " + grantableRoles);
    }

    /** Only tokens naming the configured partner issuer are this verifier's to judge. */
    @Override
    public Optional<VerifiedCaller> authenticate(String token, ProofRequest request) {
        return consumer != null && issuer.get().equals(UnverifiedClaims.issuer(token)) ? Optional.of(verify(token))
                : Optional.empty();
    }

    /** The verified caller and the roles it may hold; throws {@link BearerTokenException} otherwise. */
    public VerifiedCaller verify(String token) {
        if (consumer == null) {
            throw new BearerTokenException("no bearer-token issuer is configured");
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String name = callerName(claims);
            Set<String> roles = groups(claims).stream().filter(grantableRoles::contains).collect(Collectors.toSet());
            if (roles.isEmpty()) {
                throw new BearerTokenException("the token grants none of the roles " + grantableRoles);
            }
            return new VerifiedCaller(new VerifiedToken(name, token, claims), roles);
        } catch (InvalidJwtException e) {
            throw new BearerTokenException("signature, algorithm, issuer or time checks failed");
        } catch (MalformedClaimException e) {
            throw new BearerTokenException("a claim has the wrong type");
        }
    }

    JwtConsumer consumer(String expectedIssuer, JsonWebKeySet keys) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setExpectedIssuer(true, expectedIssuer)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()));
        audiences.filter(a -> !a.isEmpty()).ifPresentOrElse(
                a -> builder.setExpectedAudience(a.toArray(String[]::new)),
                builder::setSkipDefaultAudienceValidation);
        return builder.build();
    }

    static JsonWebKeySet readKeys(String location) {
        try {
            URI uri = URI.create(location);
            Path file = uri.getScheme() == null ? Path.of(location) : Path.of(uri);
            return new JsonWebKeySet(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException | JoseException e) {
            throw new IllegalStateException("mp.jwt.verify.publickey.location does not name a readable JWKS file");
        }
    }

    /** MP-JWT's caller name: {@code upn}, else {@code preferred_username}, else {@code sub}. */
    private static String callerName(JwtClaims claims) throws MalformedClaimException {
        for (String claim : List.of("upn", "preferred_username", "sub")) {
            String value = claims.getStringClaimValue(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new BearerTokenException("the token names no caller (upn, preferred_username or sub)");
    }

    private static List<String> groups(JwtClaims claims) throws MalformedClaimException {
        return claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
    }
}
