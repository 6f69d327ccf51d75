package care.enclave.attestation.control;

import care.enclave.attestation.entity.VerifiedQuote;
import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.attestation.VerifiedAttestation;

import java.nio.file.Path;
import java.util.List;

/**
 * The attestation service wired by hand (as the unit tests wire it) around a real SGX quote from
 * ../shared/vectors, verified at a fixed time inside its certificates' validity.
 */
public final class BenchAttestation {

    private static final Expectations ANY = new Expectations(List.of(), List.of(), true);
    private static final String QUOTE = "sgx/phala_sgx_quote.bin";

    private final TokenFixture fixture;
    private final QuoteVerifier verifier = Vectors.intelVerifier();
    private final byte[] quote = Vectors.read(QUOTE);
    private final VerifiedQuote verified;
    private final String token;

    public BenchAttestation(Path dataDir) {
        fixture = new TokenFixture(dataDir, "https://attest.bench", Vectors.EVALUATION_TIME, false);
        verified = verifier.verify(quote, null);
        token = fixture.service.attestSgx(quote, null, null);
    }

    /** Intel's checks on the quote: structure, PCK chain to the pinned root, QE report, quote signature. */
    public VerifiedQuote verifyQuote() {
        return verifier.verify(quote, null);
    }

    /** An RS256 token with Azure's claims for an already verified quote. */
    public String issueToken() {
        return fixture.issuer.issue(verified, null, "bench", "policy-hash");
    }

    /** What POST /attest does in process: verify, apply the policy, issue. */
    public String attest() {
        return fixture.service.attestSgx(quote, null, null);
    }

    /** What a relying party (or this platform, for a bearer token) does with a token. */
    public VerifiedAttestation verifyToken() {
        return fixture.verifier.verify(token, ANY);
    }
}
