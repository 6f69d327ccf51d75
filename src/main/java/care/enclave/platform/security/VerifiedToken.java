package care.enclave.platform.security;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

import java.util.Set;

/** A bearer token whose signature and claims were verified; exposed through the MicroProfile JWT API. */
public final class VerifiedToken implements JsonWebToken {

    private final String name;
    private final String rawToken;
    private final JwtClaims claims;

    public VerifiedToken(String name, String rawToken, JwtClaims claims) {
        this.name = name;
        this.rawToken = rawToken;
        this.claims = claims;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return Set.copyOf(claims.getClaimNames());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if ("raw_token".equals(claimName)) {
            return (T) rawToken;
        }
        return (T) claims.getClaimValue(claimName);
    }
}
