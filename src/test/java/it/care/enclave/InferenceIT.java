package it.care.enclave;

import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.crypto.SealedExchangeJson;
import care.enclave.platform.openinference.Fp32Tensor;
import care.enclave.platform.openinference.KServeBinary;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static it.care.enclave.Http.JSON;
import static it.care.enclave.Http.get;
import static it.care.enclave.Http.json;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider's inference API as a calling enclave uses it: read the provider's evidence (its request key
 * and model hashes), seal an Open Inference Protocol request to that key with HPKE, present an attestation
 * token with a DPoP proof of the key it binds, open the sealed answer. The caller is a simulated enclave with the
 * Intel SDK sample's MRENCLAVE, the one caller the IT server allows besides itself.
 */
class InferenceIT {

    static final String MODEL = "tiny-sigmoid";

    /** An enclave the IT server allows to call, with its token for the provider and proofs of its key. */
    static AttestedCaller caller() {
        return AttestedCaller.attest(AttestedCaller.ALLOWED, AttestedCaller.INFERENCE);
    }

    @SuppressWarnings("unchecked")
    static ECPublicKey providerKey(JsonObject evidence) throws Exception {
        String runtime = new String(Base64.getUrlDecoder().decode(evidence.getString("runtimeData")), StandardCharsets.UTF_8);
        Map<String, Object> keys = (Map<String, Object>) ((List<Object>) JsonUtil.parseJson(runtime).get("keys")).get(0);
        return (ECPublicKey) PublicJsonWebKey.Factory.newPublicJwk(keys).getPublicKey();
    }

    static String request(float value) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 192; i++) {
            data.append(i == 0 ? "" : ",").append(value);
        }
        return "{\"id\":\"r1\",\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"FP32\",\"shape\":[1,3,8,8],\"data\":["
                + data + "]}]}";
    }

    static HttpResponse<String> infer(String model, String requestId, String body, AttestedCaller caller) {
        return infer(model, requestId, body, caller, null);
    }

    static HttpResponse<String> infer(String model, String requestId, String body, AttestedCaller caller,
                                      String headerLength) {
        HttpRequest.Builder request = inferRequest(model, requestId, body);
        if (headerLength != null) {
            request.header(KServeBinary.HEADER_LENGTH, headerLength);
        }
        if (caller != null) {
            caller.authorize(request, "POST", inferUri(model));
        }
        return Http.send(request.build());
    }

    static URI inferUri(String model) {
        return ItServer.https("/inference/v2/models/" + model + "/infer");
    }

    /** An inference request without credentials, for tests that set them themselves. */
    static HttpRequest.Builder inferRequest(String model, String requestId, String body) {
        return HttpRequest.newBuilder(inferUri(model)).header("Content-Type", JSON).header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void metadataAndEvidenceNameTheModelByItsHash() {
        JsonObject metadata = json(get("/inference/v2/models/" + MODEL, null));
        JsonObject evidence = json(get("/inference/attestation/evidence?nonce=inf1", null));
        String runtime = new String(Base64.getUrlDecoder().decode(evidence.getString("runtimeData")));

        assertEquals("pixels", metadata.getJsonArray("inputs").getJsonObject(0).getString("name"));
        assertTrue(metadata.getString("sha256").matches("[0-9a-f]{64}"));
        assertTrue(runtime.contains(metadata.getString("sha256")), "evidence binds the model hash");
        assertTrue(runtime.contains("\"use\":\"enc\""));
        assertEquals(404, get("/inference/v2/models/no-such-model", null).statusCode());
    }

    @Test
    void aSealedRequestFromAnAllowedEnclaveIsAnsweredSealed() throws Exception {
        ECPublicKey provider = providerKey(json(get("/inference/attestation/evidence?nonce=inf2", null)));
        String requestId = UUID.randomUUID().toString();
        byte[] aad = SealedExchange.associatedData(MODEL, requestId);
        SealedExchange.Sealed sealed = SealedExchange.seal(provider, request(0f).getBytes(StandardCharsets.UTF_8), aad);

        HttpResponse<String> answered = infer(MODEL, requestId, SealedExchangeJson.encodeRequest(sealed),
                caller());

        assertEquals(200, answered.statusCode(), answered.body());
        assertFalse(answered.body().contains("probability"), "the answer travels sealed");
        byte[] plain = sealed.openResponse(SealedExchangeJson.decodeResponse(answered.body()), aad);
        JsonObject response = Json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8))).readObject();
        assertEquals(0.5, response.getJsonArray("outputs").getJsonObject(0).getJsonArray("data").getJsonNumber(0)
                .doubleValue(), 1e-6);
        assertEquals("r1", response.getString("id"));
    }

    /** The binary tensor data extension inside the seal: the header length travels beside the ciphertext. */
    static KServeBinary.Body binaryRequest(float value) {
        float[] pixels = new float[192];
        Arrays.fill(pixels, value);
        return KServeBinary.write(Json.createObjectBuilder().add("id", "b1")
                        .add("parameters", Json.createObjectBuilder().add("binary_data_output", true)),
                "inputs", List.of(new Fp32Tensor("pixels", new long[]{1, 3, 8, 8}, pixels)), name -> true);
    }

    @Test
    void aSealedBinaryRequestIsAnsweredWithSealedBinaryOutputs() throws Exception {
        ECPublicKey provider = providerKey(json(get("/inference/attestation/evidence?nonce=inf3", null)));
        String requestId = UUID.randomUUID().toString();
        byte[] aad = SealedExchange.associatedData(MODEL, requestId);
        KServeBinary.Body body = binaryRequest(2f);
        SealedExchange.Sealed sealed = SealedExchange.seal(provider, body.bytes(), aad);

        HttpResponse<String> answered = infer(MODEL, requestId, SealedExchangeJson.encodeRequest(sealed),
                caller(), String.valueOf(body.headerLength().orElseThrow()));

        assertEquals(200, answered.statusCode(), answered.body());
        String headerLength = answered.headers().firstValue(KServeBinary.HEADER_LENGTH).orElseThrow();
        byte[] plain = sealed.openResponse(SealedExchangeJson.decodeResponse(answered.body()), aad);
        KServeBinary.Message response = KServeBinary.read(plain, headerLength, "outputs");
        Fp32Tensor probability = response.tensors().get(0);
        assertEquals("probability", probability.name());
        assertEquals(64, probability.data().length);
        assertEquals(1 / (1 + Math.exp(-2.0)), probability.data()[63], 1e-6);
        assertEquals(256, response.header().getJsonArray("outputs").getJsonObject(0).getJsonObject("parameters")
                .getInt("binary_data_size"));
        assertEquals("b1", response.header().getString("id"));
    }

    @Test
    void aTamperedOrMissingHeaderLengthIsAnInvalidRequest() throws Exception {
        ECPublicKey provider = providerKey(json(get("/inference/attestation/evidence", null)));
        KServeBinary.Body body = binaryRequest(0.8137469f);
        int length = body.headerLength().orElseThrow();
        AttestedCaller caller = caller();

        for (String tampered : new String[]{String.valueOf(length - 1), String.valueOf(length + 4), "0", "x", null}) {
            String requestId = UUID.randomUUID().toString();
            String sealed = SealedExchangeJson.encodeRequest(SealedExchange.seal(provider, body.bytes(),
                    SealedExchange.associatedData(MODEL, requestId)));

            HttpResponse<String> refused = infer(MODEL, requestId, sealed, caller, tampered);

            assertEquals(400, refused.statusCode(), tampered + ": " + refused.body());
            assertEquals("INVALID_INPUT", json(refused).getString("reason"));
            assertFalse(refused.body().contains("0.81"), "no values echoed");
        }
    }

    @Test
    void aReplayedRequestRunsNothingTwice() throws Exception {
        ECPublicKey provider = providerKey(json(get("/inference/attestation/evidence", null)));
        String requestId = UUID.randomUUID().toString();
        String body = SealedExchangeJson.encodeRequest(SealedExchange.seal(provider,
                request(1f).getBytes(StandardCharsets.UTF_8), SealedExchange.associatedData(MODEL, requestId)));
        AttestedCaller caller = caller();

        assertEquals(200, infer(MODEL, requestId, body, caller).statusCode());
        HttpResponse<String> replay = infer(MODEL, requestId, body, caller);

        assertEquals(409, replay.statusCode());
        assertEquals("REPLAYED", json(replay).getString("reason"));
    }

    @Test
    void callersWithoutAValidTokenGet401AndOtherEnclaves403() throws Exception {
        ECPublicKey provider = providerKey(json(get("/inference/attestation/evidence", null)));
        String requestId = UUID.randomUUID().toString();
        String body = SealedExchangeJson.encodeRequest(SealedExchange.seal(provider,
                request(0f).getBytes(StandardCharsets.UTF_8), SealedExchange.associatedData(MODEL, requestId)));

        assertEquals(401, infer(MODEL, requestId, body, null).statusCode());
        assertEquals(401, Http.send(inferRequest(MODEL, requestId, body).header("Authorization", "Bearer not.a.token")
                .build()).statusCode());
        assertEquals(403, infer(MODEL, requestId, body, AttestedCaller.attest("ee".repeat(32), AttestedCaller.INFERENCE))
                .statusCode(), "a genuine enclave with a proof, just not an allowed caller");
    }

    @Test
    void tamperedOrMisdirectedRequestsAreRefusedWithoutEchoingData() throws Exception {
        ECPublicKey provider = providerKey(json(get("/inference/attestation/evidence", null)));
        String requestId = UUID.randomUUID().toString();
        SealedExchange.Sealed sealed = SealedExchange.seal(provider, request(7f).getBytes(StandardCharsets.UTF_8),
                SealedExchange.associatedData(MODEL, requestId));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[10] ^= 0x01;
        AttestedCaller caller = caller();

        HttpResponse<String> refused = infer(MODEL, requestId,
                SealedExchangeJson.encodeRequest(sealed.enc(), tampered), caller);
        HttpResponse<String> otherId = infer(MODEL, UUID.randomUUID().toString(),
                SealedExchangeJson.encodeRequest(sealed), caller);

        assertEquals(400, refused.statusCode());
        assertEquals(400, otherId.statusCode(), "the request id is bound as associated data");
        assertFalse(refused.body().contains("7.0"));
        assertEquals(400, infer(MODEL, "short", "{}", caller).statusCode());
    }
}
