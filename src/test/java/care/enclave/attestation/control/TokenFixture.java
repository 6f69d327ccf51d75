package care.enclave.attestation.control;

import care.enclave.audit.api.AuditEvent;
import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.keys.SealingKeys;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An attestation service wired by hand, as CDI wires it, around a data folder and a clock. */
final class TokenFixture {

    final SigningKeys keys = new SigningKeys();
    final TokenIssuer issuer = new TokenIssuer();
    AttestationTokenVerifier verifier;
    private final String issuerUrl;
    final PolicyStore policies = new PolicyStore();
    final AttestationService service = new AttestationService();
    /** What the service, the policy store and the signing keys handed to the audit trail. */
    final List<AuditEvent> audited = new ArrayList<>();

    TokenFixture(Path dataDir, String issuerUrl, Clock clock, boolean trustSimulated) {
        SealingKeys sealing = SealingKeys.openDevelopment(dataDir);
        keys.sealing = sealing;
        keys.clock = clock;
        keys.dataDir = dataDir.toString();
        keys.tokenLifetime = Duration.ofHours(8);
        keys.issuer = issuerUrl;
        keys.audit = audited::add;
        keys.open();
        issuer.keys = keys;
        issuer.clock = clock;
        issuer.issuer = issuerUrl;
        issuer.lifetime = Duration.ofHours(8);
        this.issuerUrl = issuerUrl;
        verifier = AttestationTokenVerifier.of(keys, List.of(issuerUrl), clock, 1000);
        policies.sealing = sealing;
        policies.dataDir = dataDir.toString();
        policies.trustSimulated = trustSimulated;
        policies.audit = audited::add;
        policies.open();
        service.anchors = new TrustAnchors();
        service.policies = policies;
        service.tokens = issuer;
        service.clock = clock;
        service.audit = audited::add;
    }

    TokenFixture withClock(Clock clock) {
        keys.clock = clock;
        issuer.clock = clock;
        verifier = AttestationTokenVerifier.of(keys, List.of(issuerUrl), clock, 1000);
        service.clock = clock;
        return this;
    }
}
