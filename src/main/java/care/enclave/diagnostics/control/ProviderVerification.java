package care.enclave.diagnostics.control;

import care.enclave.attestation.api.Attestation;
import care.enclave.diagnostics.client.InferenceApi;
import care.enclave.diagnostics.control.ProviderException.Kind;
import care.enclave.platform.attestation.AttestationTokenException;
import care.enclave.platform.attestation.AttestationTokenVerifier;
import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.attestation.VerifiedAttestation;
import care.enclave.platform.enclave.EnclaveIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.StringReader;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Before any patient data moves: fetch the provider's evidence with a fresh nonce, have it attested, verify
 * the token (issuer, signature, MRENCLAVE pin {@code diagnostics.provider.mrenclaves}, debug only where
 * simulation is trusted), check the nonce came back, and take the request key and model hash the evidence
 * binds. A model hash pin ({@code diagnostics.model.sha256}) is enforced when set. Any failure: nothing is sent.
 */
@ApplicationScoped
public class ProviderVerification {

    @Inject
    @RestClient
    InferenceApi provider;

    @Inject
    Attestation attestation;

    @Inject
    AttestationTokenVerifier tokens;

    @Inject
    EnclaveIdentity self;

    /** Read per call: an operator re-pins a provider (or withdraws trust) without restarting the platform. */
    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "attestation.trust-simulated", defaultValue = "false")
    boolean allowDebug;

    public VerifiedProvider verify(String modelName) {
        List<String> pins = self.resolve(config.getOptionalValues("diagnostics.provider.mrenclaves", String.class)
                .orElse(List.of()));
        if (pins.isEmpty()) {
            throw new ProviderException(Kind.UNTRUSTED, "no provider MRENCLAVE is pinned (diagnostics.provider.mrenclaves)");
        }
        String nonce = nonce();
        JsonObject evidence = json(provider.evidence(nonce));
        byte[] runtimeData = Base64.getUrlDecoder().decode(evidence.getString("runtimeData"));
        VerifiedAttestation verified = attest(evidence, runtimeData, nonce, pins);
        if (!nonce.equals(verified.runtime().get("nonce"))) {
            throw new ProviderException(Kind.UNTRUSTED, "the provider's evidence does not answer our nonce");
        }
        String modelSha = modelHash(verified, modelName);
        config.getOptionalValue("diagnostics.model.sha256", String.class).filter(pin -> !pin.equalsIgnoreCase(modelSha)).ifPresent(pin -> {
            throw new ProviderException(Kind.UNTRUSTED, "the provider's model is not the pinned one");
        });
        return new VerifiedProvider(verified, requestKey(verified), modelName, modelSha);
    }

    private VerifiedAttestation attest(JsonObject evidence, byte[] runtimeData, String nonce, List<String> pins) {
        try {
            String token = attestation.attest(Base64.getUrlDecoder().decode(evidence.getString("quote")), runtimeData, nonce);
            return tokens.verify(token, Expectations.mrEnclave(pins, allowDebug));
        } catch (AttestationTokenException refused) {
            throw new ProviderException(Kind.UNTRUSTED, "the provider is not a trusted enclave (" + refused.reason() + ")");
        } catch (RuntimeException evidenceRefused) {
            throw new ProviderException(Kind.UNTRUSTED, "the provider's evidence did not attest");
        }
    }

    @SuppressWarnings("unchecked")
    private static String modelHash(VerifiedAttestation verified, String modelName) {
        Object models = verified.runtime().get("models");
        if (models instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> model && modelName.equals(model.get("name"))) {
                    return String.valueOf(model.get("sha256"));
                }
            }
        }
        throw new ProviderException(Kind.UNTRUSTED, "the provider's evidence does not vouch for the model");
    }

    private static ECPublicKey requestKey(VerifiedAttestation verified) {
        try {
            Map<String, Object> jwk = verified.runtimeKey("enc")
                    .orElseThrow(() -> new ProviderException(Kind.UNTRUSTED, "the provider's evidence names no request key"));
            return (ECPublicKey) PublicJsonWebKey.Factory.newPublicJwk(jwk).getPublicKey();
        } catch (JoseException | ClassCastException e) {
            throw new ProviderException(Kind.UNTRUSTED, "the provider's request key is not a P-256 key");
        }
    }

    private static JsonObject json(String text) {
        return JSON.createReader(new StringReader(text)).readObject();
    }

    private static String nonce() {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }
}
