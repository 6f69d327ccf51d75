package care.enclave.platform.attestation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Proof that the presenter of an attestation token holds the private key the token's runtime data binds
 * (RFC 9449 DPoP), so a token fetched by anyone for someone else's evidence is worthless on its own. The
 * proof is a compact JWS with {@code typ: dpop+jwt}, ES256 only ({@code none}, HMAC and everything else
 * refused), whose header {@code jwk} must be the token's proof key ({@link ProofKeys}, compared by RFC 7638
 * thumbprint) and verify the signature; {@code htm}/{@code htu} must name this request, {@code ath} this
 * token, {@code iat} lie within {@code attestation.proof.window} (default 60 s) either way, and {@code jti}
 * not have been accepted within that window for another request (the same {@link ProofRequest} object may be
 * judged by several services of one server). Every failure throws {@link AttestationTokenException} with a
 * {@code PROOF_*} reason and a fixed message.
 */
@ApplicationScoped
public class ProofOfPossession {

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "attestation.proof.window", defaultValue = "PT60S")
    Duration window;

    @Inject
    @ConfigProperty(name = "attestation.proof.remembered", defaultValue = "100000")
    int remembered;

    private ProofReplays replays;

    /** A verifier outside the container (tests, tools). */
    public static ProofOfPossession of(Clock clock, Duration window, int remembered) {
        ProofOfPossession verifier = new ProofOfPossession();
        verifier.clock = clock;
        verifier.window = window;
        verifier.remembered = remembered;
        verifier.init();
        return verifier;
    }

    @PostConstruct
    void init() {
        replays = new ProofReplays(remembered);
    }

    public void verify(ProofRequest request, VerifiedAttestation token) {
        if (request.proof() == null) {
            throw refused("PROOF_MISSING", "the request carries no DPoP proof of the token's key");
        }
        String bound = thumbprint(token.proofKey().orElseThrow(
                () -> refused("PROOF_KEY_UNBOUND", "the token's runtime data binds no proof key")));
        JsonWebSignature jws = ProofJws.parse(request.proof());
        PublicJsonWebKey presented = ProofJws.presentedKey(jws);
        if (!bound.equals(presented.calculateBase64urlEncodedThumbprint("SHA-256"))) {
            throw refused("PROOF_KEY_MISMATCH", "the proof is not signed with the token's proof key");
        }
        JwtClaims claims = ProofJws.signedClaims(jws, presented);
        checkRequest(claims, request, token.token());
        long now = clock.instant().getEpochSecond();
        long issuedAt = issuedAt(claims);
        if (Math.abs(now - issuedAt) > window.toSeconds()) {
            throw refused("PROOF_STALE", "the proof's iat is outside the accepted window");
        }
        if (!replays.remember(bound + ":" + jti(claims), request, issuedAt + window.toSeconds(), now)) {
            throw refused("PROOF_REPLAYED", "this proof was already used");
        }
    }

    private static void checkRequest(JwtClaims claims, ProofRequest request, String token) {
        if (!request.method().equals(claims.getClaimValue("htm"))) {
            throw refused("PROOF_MISMATCH", "the proof's htm is not this request's method");
        }
        if (!(claims.getClaimValue("htu") instanceof String htu) || !ProofTargets.sameUri(htu, request.uri())) {
            throw refused("PROOF_MISMATCH", "the proof's htu is not this request's URI");
        }
        if (!MessageDigest.isEqual(ProofTargets.tokenHash(token).getBytes(StandardCharsets.US_ASCII),
                String.valueOf(claims.getClaimValue("ath")).getBytes(StandardCharsets.US_ASCII))) {
            throw refused("PROOF_MISMATCH", "the proof's ath is not this token's hash");
        }
    }

    private static long issuedAt(JwtClaims claims) {
        try {
            NumericDate iat = claims.getIssuedAt();
            if (iat == null) {
                throw refused("PROOF_INVALID", "the proof has no iat");
            }
            return iat.getValue();
        } catch (MalformedClaimException e) {
            throw refused("PROOF_INVALID", "the proof's iat is malformed");
        }
    }

    private static String jti(JwtClaims claims) {
        if (!(claims.getClaimValue("jti") instanceof String jti) || jti.isEmpty() || jti.length() > 256) {
            throw refused("PROOF_INVALID", "the proof's jti is missing or too long");
        }
        return jti;
    }

    private static String thumbprint(Map<String, Object> jwk) {
        try {
            JsonWebKey key = JsonWebKey.Factory.newJwk(jwk);
            if (key instanceof EllipticCurveJsonWebKey) {
                return key.calculateBase64urlEncodedThumbprint("SHA-256");
            }
        } catch (JoseException | RuntimeException e) {
            // refused below
        }
        throw refused("PROOF_KEY_UNBOUND", "the token's proof key is not an EC public key");
    }

    static AttestationTokenException refused(String reason, String message) {
        return new AttestationTokenException(reason, message);
    }
}
