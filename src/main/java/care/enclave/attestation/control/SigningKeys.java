package care.enclave.attestation.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.platform.attestation.LocalTokenKeys;
import care.enclave.platform.keys.SealedFiles;
import care.enclave.platform.keys.SealingKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The attestation service's RS256 signing keys, generated inside the enclave and kept only sealed.
 * The newest key signs; after a rotation older keys stay in the JWKS until every token they signed has
 * expired, so verifiers never meet an unknown key for a valid token.
 */
@ApplicationScoped
public class SigningKeys implements LocalTokenKeys {

    static final String FILE = "attestation/signing-keys.sealed";

    @Inject
    SealingKeys sealing;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "attestation.token.lifetime", defaultValue = "PT8H")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "attestation.issuer")
    String issuer;

    private final List<SigningKey> keys = new ArrayList<>();

    /** A key, its self-signed certificate (for x5c) and when it stopped signing, if it has. */
    public record SigningKey(RsaJsonWebKey jwk, X509Certificate certificate, Instant created, Instant retired) {
    }

    @PostConstruct
    synchronized void open() {
        SealedFiles.read(file(), sealing.forPurpose("attestation-signing")).ifPresent(this::load);
        if (keys.isEmpty()) {
            keys.add(generate());
            save();
        }
    }

    @Override
    public String issuer() {
        return issuer;
    }

    public synchronized SigningKey current() {
        return keys.get(keys.size() - 1);
    }

    /** The published keys: the current one and retired ones whose tokens may still be valid. */
    @Override
    public synchronized JsonWebKeySet jwks() {
        JsonWebKeySet set = new JsonWebKeySet();
        Instant now = clock.instant();
        keys.stream().filter(k -> k.retired() == null || k.retired().plus(tokenLifetime).isAfter(now))
                .forEach(k -> set.addJsonWebKey(k.jwk()));
        return set;
    }

    /** Starts signing with a fresh key (audited); the old one keeps verifying until its last token expires. */
    public synchronized String rotate() {
        SigningKey old = keys.remove(keys.size() - 1);
        keys.add(new SigningKey(old.jwk(), old.certificate(), old.created(), clock.instant()));
        keys.add(generate());
        save();
        String kid = current().jwk().getKeyId();
        audit.record(AuditEvent.success(Action.SIGNING_KEY_ROTATION).on("kid=" + kid));
        return kid;
    }

    private SigningKey generate() {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            byte[] kid = new byte[12];
            new java.security.SecureRandom().nextBytes(kid);
            jwk.setKeyId(Base64.getUrlEncoder().withoutPadding().encodeToString(kid));
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            X509Certificate certificate = SelfSignedCertificate.forKey(jwk.getRsaPublicKey(), jwk.getRsaPrivateKey(),
                    "CN=Enclave Care attestation token signing, O=" + issuer, clock.instant(), Duration.ofDays(3650));
            jwk.setCertificateChain(certificate);
            return new SigningKey(jwk, certificate, clock.instant(), null);
        } catch (JoseException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("SigningKeys: cannot generate a signing key");
        }
    }

    private Path file() {
        return Path.of(dataDir, FILE);
    }

    private void save() {
        JsonArrayBuilder stored = JSON.createArrayBuilder();
        for (SigningKey key : keys) {
            stored.add(JSON.createObjectBuilder()
                    .add("jwk", key.jwk().toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE))
                    .add("certificate", encode(key.certificate()))
                    .add("created", key.created().toString())
                    .add("retired", key.retired() == null ? "" : key.retired().toString()));
        }
        SealedFiles.write(file(), sealing.forPurpose("attestation-signing"),
                stored.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    private void load(byte[] sealed) {
        try {
            for (JsonObject key : JSON.createReader(new ByteArrayInputStream(sealed)).readArray()
                    .getValuesAs(JsonObject.class)) {
                RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(key.getString("jwk"));
                X509Certificate certificate = decode(key.getString("certificate"));
                jwk.setCertificateChain(certificate);
                String retired = key.getString("retired");
                keys.add(new SigningKey(jwk, certificate, Instant.parse(key.getString("created")),
                        retired.isEmpty() ? null : Instant.parse(retired)));
            }
        } catch (JoseException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("SigningKeys: the sealed signing keys are malformed");
        }
    }

    private static String encode(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("SigningKeys: cannot encode a certificate");
        }
    }

    private static X509Certificate decode(String base64) throws java.security.GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }
}
