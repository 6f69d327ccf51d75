package care.enclave.platform.security;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.util.Optional;

/**
 * A token's claims read without trusting them: to pick which verifier checks it in full, or to read
 * claims of a token that was already verified. Never used to grant anything.
 */
public final class UnverifiedClaims {

    private UnverifiedClaims() {
    }

    public static Optional<JwtClaims> of(String token) {
        try {
            return Optional.of(new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().setJwsAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS)
                    .build().processToClaims(token));
        } catch (InvalidJwtException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code iss} the token claims, or null. */
    public static String issuer(String token) {
        Optional<JwtClaims> claims = of(token);
        try {
            return claims.isPresent() ? claims.get().getIssuer() : null;
        } catch (MalformedClaimException e) {
            return null;
        }
    }
}
