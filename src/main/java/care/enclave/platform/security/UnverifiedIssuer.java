package care.enclave.platform.security;

import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The {@code iss} a token claims, read without trusting it: only to pick which verifier will then check
 * the token in full. Never used to grant anything.
 */
public final class UnverifiedIssuer {

    private UnverifiedIssuer() {
    }

    public static String of(String token) {
        try {
            return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification()
                    .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS)
                    .build().processToClaims(token).getIssuer();
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | RuntimeException e) {
            return null;
        }
    }
}
