package care.enclave.attestation.control;

import care.enclave.attestation.api.Attestation;
import care.enclave.attestation.entity.RuntimeData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import care.enclave.platform.security.UnverifiedClaims;

import java.time.Clock;
import java.time.Duration;

/** {@link Attestation} for other modules, over the in-process attestation service and this enclave's evidence. */
@ApplicationScoped
public class PlatformAttestation implements Attestation {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(10);

    @Inject
    AttestationService service;

    @Inject
    EvidenceService evidence;

    @Inject
    Clock clock;

    private String token;
    private long expiresAt;

    @Override
    public String attest(byte[] quote, byte[] runtimeDataJson, String nonce) {
        return service.attestSgx(quote, new RuntimeData(runtimeDataJson, true), nonce);
    }

    @Override
    public synchronized String ownToken() {
        if (token == null || clock.instant().getEpochSecond() > expiresAt - RENEW_BEFORE_EXPIRY.toSeconds()) {
            EvidenceService.Evidence own = evidence.produce((String) null);
            token = service.attestSgx(own.quote(), own.runtimeData(), null);
            expiresAt = expiry(token);
        }
        return token;
    }

    private static long expiry(String token) {
        try {
            return UnverifiedClaims.of(token).orElseThrow().getExpirationTime().getValue();
        } catch (org.jose4j.jwt.MalformedClaimException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("PlatformAttestation: own token unreadable");
        }
    }
}
