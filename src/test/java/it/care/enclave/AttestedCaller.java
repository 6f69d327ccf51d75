package it.care.enclave;

import care.enclave.platform.attestation.ProofKeys;
import care.enclave.platform.attestation.ProofSigner;
import care.enclave.platform.enclave.EvidenceProvider;
import care.enclave.platform.enclave.SimulatedEvidenceProvider;
import care.enclave.platform.enclave.SimulatedPlatforms;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static it.care.enclave.Http.JSON;
import static it.care.enclave.Http.json;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An enclave that calls the servers as a real one would: evidence from this machine's simulated SGX platform
 * (the one the IT servers share, so they trust it) with a chosen MRENCLAVE, binding a fresh transport key and
 * a fresh DPoP proof key, attested by the platform for an audience; requests carry the token and a proof.
 */
final class AttestedCaller {

    /** The MRENCLAVE the IT servers allow as an inference caller and as a partner (the Intel SDK sample's). */
    static final String ALLOWED = "d37d983a85d63fb49649610e2eba0930ecdbff6d113aca3ff3fc7261696c0134";
    static final String INFERENCE = "enclave-care-inference";
    static final String KEY_VAULT = "enclave-care-key-vault";

    final EllipticCurveJsonWebKey transport;
    final EllipticCurveJsonWebKey proofKey;
    final String token;

    private AttestedCaller(EllipticCurveJsonWebKey transport, EllipticCurveJsonWebKey proofKey, String token) {
        this.transport = transport;
        this.proofKey = proofKey;
        this.token = token;
    }

    static AttestedCaller attest(String mrEnclave, String audience) {
        try {
            EllipticCurveJsonWebKey transport = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            transport.setUse("enc");
            EllipticCurveJsonWebKey proofKey = ProofKeys.generate();
            String nonce = UUID.randomUUID().toString();
            byte[] runtime = JsonUtil.toJson(Map.of("keys", List.of(
                    transport.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    proofKey.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)), "nonce", nonce))
                    .getBytes(StandardCharsets.UTF_8);
            EvidenceProvider enclave = new SimulatedEvidenceProvider(SimulatedPlatforms.in(
                    Path.of(System.getProperty("it.simulated.dir"))).platform(), HexFormat.of().parseHex(mrEnclave), 1, 1);
            byte[] quote = enclave.quote(EvidenceProvider.reportDataFor(runtime));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            HttpResponse<String> attested = post(AttestationIT.ATTEST, JSON, "{\"quote\":\"" + b64.encodeToString(quote)
                    + "\",\"runtimeData\":{\"data\":\"" + b64.encodeToString(runtime) + "\",\"dataType\":\"JSON\"},"
                    + "\"nonce\":\"" + nonce + "\",\"audience\":\"" + audience + "\"}", null);
            assertEquals(200, attested.statusCode(), attested.body());
            return new AttestedCaller(transport, proofKey, json(attested).getString("token"));
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    String proof(String method, URI uri) {
        return proof(method, uri, Instant.now());
    }

    String proof(String method, URI uri, Instant at) {
        return ProofSigner.sign(proofKey, method, uri, token, at);
    }

    /** The token (RFC 9449's DPoP scheme) and a fresh proof for this request. */
    HttpRequest.Builder authorize(HttpRequest.Builder request, String method, URI uri) {
        return request.header("Authorization", "DPoP " + token).header("DPoP", proof(method, uri));
    }
}
