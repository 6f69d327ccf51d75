package care.enclave.platform.attestation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attestation token verifier, fail-closed in the manner of Nimbus and jose4j: the algorithm must be
 * RS256 (so {@code none} and HS256-with-the-public-key fail first), the issuer must be on the allow-list
 * ({@code attestation.trusted-issuers}, our own by default), {@code jku} if present must be that issuer's
 * {@code /certs}, the key must be one the issuer publishes (fetched and cached, refetched on an unknown
 * {@code kid}), and {@code exp}/{@code nbf} hold within 60 s of skew. Our own tokens are checked against our
 * own key set ({@link LocalTokenKeys}) without a network round trip.
 */
@ApplicationScoped
public class AttestationTokenVerifier implements AttestationTokens {

    private static final int CLOCK_SKEW_SECONDS = 60;

    @Inject
    Instance<LocalTokenKeys> localKeys;

    @Inject
    Clock clock;

    /** The in-process attestation service's issuer, if this application runs one. */
    @Inject
    @ConfigProperty(name = "attestation.issuer")
    Optional<String> ownIssuerConfig;

    String ownIssuer;
    LocalTokenKeys ownKeys;

    @Inject
    @ConfigProperty(name = "attestation.trusted-issuers")
    Optional<List<String>> trustedIssuers;

    /** An unknown kid refetches an issuer's keys at most this often, so forged kids cannot flood it. */
    long refetchIntervalMillis = 1000;

    private final Map<String, VerificationKeyResolver> remoteKeys = new HashMap<>();

    /** A verifier outside the container (tools, tests): own keys optional, remote issuers by their /certs. */
    public static AttestationTokenVerifier of(LocalTokenKeys own, List<String> trustedIssuers, Clock clock,
                                              long refetchIntervalMillis) {
        AttestationTokenVerifier verifier = new AttestationTokenVerifier();
        verifier.ownKeys = own;
        verifier.ownIssuer = own == null ? "" : own.issuer();
        verifier.trustedIssuers = Optional.of(trustedIssuers);
        verifier.clock = clock;
        verifier.refetchIntervalMillis = refetchIntervalMillis;
        verifier.configure();
        return verifier;
    }

    @PostConstruct
    void init() {
        ownKeys = localKeys == null || localKeys.isUnsatisfied() ? null : localKeys.get();
        ownIssuer = ownKeys != null ? ownKeys.issuer() : ownIssuerConfig.orElse("");
        configure();
    }

    void configure() {
        remoteKeys.clear();
        for (String issuer : trustedIssuers.orElse(List.of())) {
            if (!issuer.equals(ownIssuer)) {
                HttpsJwks keys = new HttpsJwks(issuer + "/certs");
                keys.setRefreshReprieveThreshold(refetchIntervalMillis);
                remoteKeys.put(issuer, new HttpsJwksVerificationKeyResolver(keys));
            }
        }
    }

    /** Whether tokens of this issuer are ones this verifier will judge. */
    public boolean trusts(String issuer) {
        return issuer.equals(ownIssuer) && ownKeys != null && acceptsOwn() || remoteKeys.containsKey(issuer);
    }

    @Override
    public VerifiedAttestation verify(String token, Expectations expectations) {
        JwtContext unverified = peek(token);
        String issuer = issuerOf(unverified);
        checkHeader(unverified, issuer);
        JwtClaims claims = verified(token, issuer);
        return expected(toAttestation(claims, token), expectations);
    }

    /** First pass, nothing trusted yet: only to learn which issuer's keys to verify with. */
    private static JwtContext peek(String token) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().setJwsAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS)
                    .build().process(token);
        } catch (InvalidJwtException | RuntimeException e) {
            throw new AttestationTokenException("TOKEN_INVALID", "not a signed JWT");
        }
    }

    private String issuerOf(JwtContext unverified) {
        try {
            String issuer = unverified.getJwtClaims().getIssuer();
            if (issuer == null || !trusts(issuer)) {
                throw new AttestationTokenException("TOKEN_UNTRUSTED_ISSUER", "the issuer is not a trusted attestation service");
            }
            return issuer;
        } catch (MalformedClaimException e) {
            throw new AttestationTokenException("TOKEN_INVALID", "the issuer claim is malformed");
        }
    }

    private boolean acceptsOwn() {
        return trustedIssuers.map(list -> list.isEmpty() || list.contains(ownIssuer)).orElse(true);
    }

    private static void checkHeader(JwtContext unverified, String issuer) {
        List<JsonWebStructure> structures = unverified.getJoseObjects();
        if (structures.size() != 1) {
            throw new AttestationTokenException("TOKEN_INVALID", "nested or encrypted tokens are not accepted");
        }
        JsonWebStructure jws = structures.get(0);
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(jws.getAlgorithmHeaderValue())) {
            throw new AttestationTokenException("TOKEN_ALGORITHM_REFUSED", "only RS256 tokens are accepted");
        }
        String jku = jws.getHeader("jku");
        if (jku != null && !jku.equals(issuer + "/certs")) {
            throw new AttestationTokenException("TOKEN_UNTRUSTED_ISSUER", "jku is not the issuer's key set");
        }
    }

    private JwtClaims verified(String token, String issuer) {
        VerificationKeyResolver keys = remoteKeys.containsKey(issuer) ? remoteKeys.get(issuer)
                : new JwksVerificationKeyResolver(ownKeys.jwks().getJsonWebKeys());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(issuer)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromSeconds(clock.instant().getEpochSecond()))
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(keys)
                .build();
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw failure(e);
        }
    }

    private static AttestationTokenException failure(InvalidJwtException e) {
        if (e.hasExpired() || e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return new AttestationTokenException("TOKEN_EXPIRED", "the token is outside its validity period");
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return new AttestationTokenException("TOKEN_INVALID", "the signature does not verify");
        }
        if (e.getCause() instanceof org.jose4j.lang.UnresolvableKeyException) {
            return new AttestationTokenException("TOKEN_UNKNOWN_KEY", "the issuer publishes no key with this kid");
        }
        return new AttestationTokenException("TOKEN_INVALID", "the token failed verification");
    }

    @SuppressWarnings("unchecked")
    private static VerifiedAttestation toAttestation(JwtClaims claims, String token) {
        Map<String, Object> c = claims.getClaimsMap();
        try {
            return new VerifiedAttestation(claims.getIssuer(), (String) c.get("x-ms-sgx-mrenclave"),
                    (String) c.get("x-ms-sgx-mrsigner"), number(c.get("x-ms-sgx-product-id")),
                    number(c.get("x-ms-sgx-svn")), Boolean.TRUE.equals(c.get("x-ms-sgx-is-debuggable")),
                    String.valueOf(c.get("x-enclave-care-evidence")).startsWith("simulated"),
                    (Map<String, Object>) c.get("x-ms-runtime"), token,
                    claims.hasAudience() ? claims.getAudience() : List.of());
        } catch (ClassCastException | MalformedClaimException e) {
            throw new AttestationTokenException("TOKEN_INVALID", "an SGX claim has the wrong type");
        }
    }

    private static int number(Object value) {
        if (!(value instanceof Number n)) {
            throw new AttestationTokenException("TOKEN_INVALID", "an SGX claim is missing");
        }
        return n.intValue();
    }

    private static VerifiedAttestation expected(VerifiedAttestation attestation, Expectations expectations) {
        if (attestation.mrEnclave() == null || attestation.mrSigner() == null) {
            throw new AttestationTokenException("TOKEN_INVALID", "the token carries no SGX identity");
        }
        if (!expectations.allowedMrEnclaves().isEmpty()
                && !expectations.allowedMrEnclaves().contains(attestation.mrEnclave().toLowerCase())) {
            throw new AttestationTokenException("ENCLAVE_NOT_ALLOWED", "the enclave's MRENCLAVE is not allowed");
        }
        if (!expectations.allowedMrSigners().isEmpty()
                && !expectations.allowedMrSigners().contains(attestation.mrSigner().toLowerCase())) {
            throw new AttestationTokenException("ENCLAVE_NOT_ALLOWED", "the enclave's MRSIGNER is not allowed");
        }
        if (attestation.debuggable() && !expectations.allowDebug()) {
            throw new AttestationTokenException("DEBUG_ENCLAVE_REFUSED", "debuggable enclaves are not allowed");
        }
        return attestation;
    }
}
