package care.enclave.attestation.control;

import jakarta.enterprise.context.ApplicationScoped;

/** The roots quotes are verified against. */
@ApplicationScoped
public class TrustAnchors {

    public TrustedRoots roots() {
        return TrustedRoots.intelOnly();
    }
}
