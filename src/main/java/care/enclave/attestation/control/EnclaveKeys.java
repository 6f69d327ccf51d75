package care.enclave.attestation.control;

import care.enclave.platform.attestation.ProofKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The enclave's public keys that its evidence vouches for: the key that decrypts requests sealed to this
 * enclave and the key that signs the DPoP proofs accompanying its attestation token (both generated at start,
 * private parts only in memory), and the server's TLS key, so a client can tie the TLS connection to the
 * attested enclave.
 */
@ApplicationScoped
public class EnclaveKeys {

    private static final Logger LOG = Logger.getLogger(EnclaveKeys.class.getName());

    @Inject
    @ConfigProperty(name = "attestation.tls.keystore")
    Optional<String> tlsKeystore;

    @Inject
    @ConfigProperty(name = "keystore_password")
    Optional<String> tlsKeystorePassword;

    private EllipticCurveJsonWebKey requestKey;
    private EllipticCurveJsonWebKey proofKey;
    private Optional<PublicJsonWebKey> tlsKey = Optional.empty();

    @PostConstruct
    void generate() {
        requestKey = newRequestKey();
        proofKey = ProofKeys.generate();
        tlsKey = tlsKeystore.flatMap(this::readTlsKey);
    }

    static EllipticCurveJsonWebKey newRequestKey() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId("request-" + Long.toHexString(System.nanoTime()));
            key.setUse("enc");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("EnclaveKeys: cannot generate the request key");
        }
    }

    public EllipticCurveJsonWebKey requestKey() {
        return requestKey;
    }

    /** Signs this enclave's DPoP proofs; never handed out beyond this module. */
    EllipticCurveJsonWebKey proofKey() {
        return proofKey;
    }

    /**
     * The public JWKs for runtime data: request key ("enc"), proof key ("dpop" kid) and, where readable, TLS
     * key ("tls" kid).
     */
    public List<Map<String, Object>> publicJwks() {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(requestKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        keys.add(proofKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        tlsKey.ifPresent(k -> keys.add(k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        return keys;
    }

    private Optional<PublicJsonWebKey> readTlsKey(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, tlsKeystorePassword.orElse("").toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate != null) {
                    PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(certificate.getPublicKey());
                    jwk.setKeyId("tls");
                    jwk.setUse("sig");
                    return Optional.of(jwk);
                }
            }
        } catch (Exception e) {
            LOG.warning(() -> "The TLS key could not be read for the attestation runtime data: " + e.getClass().getName());
        }
        return Optional.empty();
    }
}
