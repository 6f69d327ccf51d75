package care.enclave.platform.attestation;

/**
 * A service's own audience for attestation tokens: a token naming audiences must name this one (so a token
 * meant for another service is refused here), and with {@code required} a token must name one at all.
 */
public record Audiences(String own, boolean required) {

    public boolean accepts(VerifiedAttestation token) {
        return token.audiences().isEmpty() ? !required : token.audiences().contains(own);
    }

    public void check(VerifiedAttestation token) {
        if (!accepts(token)) {
            throw new AttestationTokenException("AUDIENCE_MISMATCH", "the token is not meant for this service");
        }
    }
}
