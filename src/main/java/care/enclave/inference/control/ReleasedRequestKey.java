package care.enclave.inference.control;

import care.enclave.inference.client.KeyVaultApi;
import care.enclave.platform.attestation.ProofKeys;
import care.enclave.platform.attestation.ProofSigner;
import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.enclave.EvidenceProvider;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.time.Instant;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Obtains the request key every replica of this provider shares (what confonnx could not do): attest this
 * enclave with a fresh transport key and a fresh proof key in its runtime data, for the vault's audience, have
 * the vault release the named secret (proving possession of the proof key, RFC 9449) wrapped to that transport key (so only this enclave opens it), and derive the HPKE key pair from the secret with RFC 9180
 * DeriveKeyPair. The secret and the private key exist only in this process.
 */
final class ReleasedRequestKey {

    private static final String API_VERSION = "2022-08-01";

    private ReleasedRequestKey() {
    }

    static KeyPair obtain(URI vault, String keyName, String audience, EvidenceProvider evidence, long timeoutMillis) {
        KeyVaultApi api = RestClientBuilder.newBuilder().baseUri(vault)
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS).readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build(KeyVaultApi.class);
        EllipticCurveJsonWebKey transport = transportKey();
        EllipticCurveJsonWebKey proofKey = ProofKeys.generate();
        String nonce = nonce();
        byte[] runtime = JsonUtil.toJson(Map.of("keys", List.of(transport.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                proofKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)), "nonce", nonce)).getBytes(StandardCharsets.UTF_8);
        byte[] quote = evidence.quote(EvidenceProvider.reportDataFor(runtime));
        String token = field(api.attest(API_VERSION, attestRequest(quote, runtime, nonce, audience)), "token");
        String proof = ProofSigner.sign(proofKey, "POST", releaseUri(vault, keyName), token, Instant.now());
        String wrapped = field(api.release(keyName, proof,
                JSON.createObjectBuilder().add("target", token).build().toString()), "value");
        byte[] secret = unwrap(wrapped, transport);
        try {
            return SealedExchange.deriveKeyPair(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static String attestRequest(byte[] quote, byte[] runtime, String nonce, String audience) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return JSON.createObjectBuilder().add("quote", b64.encodeToString(quote))
                .add("runtimeData", JSON.createObjectBuilder().add("data", b64.encodeToString(runtime)).add("dataType", "JSON"))
                .add("nonce", nonce).add("audience", audience).build().toString();
    }

    /** The release URL as the vault sees it, which the DPoP proof must name (RFC 9449 htu). */
    static URI releaseUri(URI vault, String keyName) {
        String base = vault.toString().endsWith("/") ? vault.toString() : vault + "/";
        return URI.create(base + "keys/" + keyName + "/release");
    }

    private static String field(String json, String name) {
        JsonObject object = JSON.createReader(new StringReader(json)).readObject();
        return object.getString(name);
    }

    private static EllipticCurveJsonWebKey transportKey() {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setUse("enc");
            key.setKeyId("transport");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("ReleasedRequestKey: cannot generate a transport key");
        }
    }

    private static byte[] unwrap(String compactJwe, EllipticCurveJsonWebKey transport) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setCompactSerialization(compactJwe);
            jwe.setKey(transport.getPrivateKey());
            return jwe.getPlaintextBytes();
        } catch (JoseException e) {
            throw new IllegalStateException("ReleasedRequestKey: the released key does not open with this enclave's key");
        }
    }

    private static String nonce() {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        return HexFormat.of().formatHex(nonce);
    }
}
