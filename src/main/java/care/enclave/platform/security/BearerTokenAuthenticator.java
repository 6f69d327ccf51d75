package care.enclave.platform.security;

import care.enclave.platform.attestation.ProofRequest;

import java.util.Optional;
import java.util.Set;

/**
 * Turns a bearer token into a caller. Each implementation knows one kind of token (MP-JWT partners from
 * the configured issuer; attestation tokens of trusted enclaves in the attestation module) and answers
 * empty for tokens that are not its kind, so modules can add token kinds without the platform knowing them.
 */
public interface BearerTokenAuthenticator {

    /**
     * @return the caller with the roles this authenticator grants (possibly none: every authenticator that
     *     accepts the token adds its roles), or empty when the token is not of this kind
     * @param request the request the token came with, for kinds of token that need proof of possession
     * @throws BearerTokenException when the token is of this kind but fails verification
     */
    Optional<VerifiedCaller> authenticate(String token, ProofRequest request);

    /** A verified token and the roles it grants here. */
    record VerifiedCaller(VerifiedToken token, Set<String> roles) {
    }
}
