package care.enclave.attestation.control;

import care.enclave.platform.attestation.AttestationTokenException;
import care.enclave.platform.attestation.AttestationTokens;
import care.enclave.platform.attestation.Audiences;
import care.enclave.platform.attestation.ProofOfPossession;
import care.enclave.platform.attestation.ProofRequest;
import care.enclave.platform.attestation.VerifiedAttestation;
import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.util.Map;

/**
 * Secure key release, modelled on Azure Key Vault's: a key goes out only inside a JWE encrypted to the
 * public key the attested enclave put in its runtime data (so only that enclave can open it), and only
 * if the token satisfies the key's release policy, is meant for this vault ({@code attestation.vault.audience};
 * one without {@code aud} only unless {@code attestation.vault.require-audience}), and comes with a DPoP proof
 * of the key its runtime data binds. ECDH-ES+A256KW for EC keys, RSA-OAEP-256 for RSA keys,
 * content encrypted with A256GCM. Every grant (key and receiving enclave) and refusal (with its reason) is
 * audited; a key goes out only once its release is recorded.
 */
@ApplicationScoped
public class KeyRelease {

    @Inject
    KeyVault vault;

    @Inject
    AttestationTokens tokens;

    @Inject
    AuditTrail audit;

    @Inject
    ProofOfPossession proofs;

    @Inject
    @ConfigProperty(name = "attestation.vault.audience", defaultValue = "enclave-care-key-vault")
    String audience;

    @Inject
    @ConfigProperty(name = "attestation.vault.require-audience", defaultValue = "false")
    boolean requireAudience;

    /** @param request the release request as its DPoP proof must name it */
    public String release(String name, String token, ProofRequest request) {
        String wrapped;
        VerifiedAttestation attestation;
        try {
            KeyVault.Entry entry = vault.get(name);
            attestation = verify(token, entry, request);
            Map<String, Object> jwk = attestation.runtimeKey("enc").orElseThrow(() -> new AttestationFailure(
                    Reason.RUNTIME_KEY_MISSING, "the token's runtime data names no encryption key"));
            wrapped = wrap(entry.material(), publicKey(jwk));
        } catch (AttestationFailure refused) {
            // An unknown key's name came from the caller: only names of existing keys are recorded.
            AuditEvent denied = AuditEvent.denied(Action.KEY_RELEASE, refused.reason());
            audit.record(refused.failedCheck() == Reason.KEY_NOT_FOUND ? denied : denied.on("key=" + name));
            throw refused;
        }
        audit.record(AuditEvent.success(Action.KEY_RELEASE).on("key=" + name + " mrenclave=" + attestation.mrEnclave()));
        return wrapped;
    }

    private VerifiedAttestation verify(String token, KeyVault.Entry entry, ProofRequest request) {
        try {
            VerifiedAttestation attestation = tokens.verify(token, entry.releasePolicy());
            new Audiences(audience, requireAudience).check(attestation);
            proofs.verify(request, attestation);
            return attestation;
        } catch (AttestationTokenException refused) {
            Reason reason = Reason.valueOf(refused.reason());
            if (reason == Reason.ENCLAVE_NOT_ALLOWED || reason == Reason.DEBUG_ENCLAVE_REFUSED) {
                throw new AttestationFailure(Reason.RELEASE_POLICY_VIOLATION,
                        "the key's release policy refuses this enclave (" + reason + ")");
            }
            throw new AttestationFailure(reason, "the release target token was refused");
        }
    }

    private static PublicJsonWebKey publicKey(Map<String, Object> jwk) {
        try {
            JsonWebKey key = JsonWebKey.Factory.newJwk(jwk);
            if (key instanceof PublicJsonWebKey publicKey && publicKey.getPrivateKey() == null) {
                return publicKey;
            }
        } catch (JoseException e) {
            // fall through to the refusal below
        }
        throw new AttestationFailure(Reason.RUNTIME_KEY_MISSING, "the runtime encryption key is not a public JWK");
    }

    static String wrap(byte[] material, PublicJsonWebKey recipient) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPlaintext(material);
        jwe.setAlgorithmHeaderValue(recipient instanceof EllipticCurveJsonWebKey
                ? KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW : KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKey(recipient.getPublicKey());
        if (recipient.getKeyId() != null) {
            jwe.setKeyIdHeaderValue(recipient.getKeyId());
        }
        if (!(recipient instanceof EllipticCurveJsonWebKey) && !(recipient instanceof RsaJsonWebKey)) {
            throw new AttestationFailure(Reason.RUNTIME_KEY_MISSING, "the runtime key is neither EC nor RSA");
        }
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new AttestationFailure(Reason.RUNTIME_KEY_MISSING, "the runtime key cannot receive a wrapped key");
        }
    }
}
