package care.enclave.attestation.control;

import care.enclave.attestation.api.Attestation;
import care.enclave.attestation.entity.RuntimeData;
import care.enclave.platform.attestation.ProofSigner;
import care.enclave.platform.security.UnverifiedClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link Attestation} for other modules, over the in-process attestation service and this enclave's evidence,
 * which binds the proof key ({@link EnclaveKeys}) that signs the proofs here: the key never leaves this module.
 */
@ApplicationScoped
public class PlatformAttestation implements Attestation {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(10);

    @Inject
    AttestationService service;

    @Inject
    EvidenceService evidence;

    @Inject
    EnclaveKeys keys;

    @Inject
    Clock clock;

    private final Map<String, String> tokens = new HashMap<>();

    @Override
    public String attest(byte[] quote, byte[] runtimeDataJson, String nonce) {
        return service.attestSgx(quote, new RuntimeData(runtimeDataJson, true), nonce);
    }

    @Override
    public synchronized String ownToken(String audience) {
        String token = tokens.get(audience);
        if (token == null || clock.instant().getEpochSecond() > expiry(token) - RENEW_BEFORE_EXPIRY.toSeconds()) {
            EvidenceService.Evidence own = evidence.produce((String) null);
            token = service.attestSgx(own.quote(), own.runtimeData(), null, audience, null);
            tokens.put(audience, token);
        }
        return token;
    }

    @Override
    public String proof(String method, URI uri, String token) {
        return ProofSigner.sign(keys.proofKey(), method, uri, token, clock.instant());
    }

    private static long expiry(String token) {
        try {
            return UnverifiedClaims.of(token).orElseThrow().getExpirationTime().getValue();
        } catch (org.jose4j.jwt.MalformedClaimException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("PlatformAttestation: own token unreadable");
        }
    }
}
