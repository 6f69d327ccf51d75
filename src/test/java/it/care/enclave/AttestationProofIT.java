package it.care.enclave;

import care.enclave.platform.attestation.ProofKeys;
import care.enclave.platform.attestation.ProofSigner;
import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.crypto.SealedExchangeJson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.UUID;

import static it.care.enclave.Http.get;
import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attestation tokens are not bearer secrets, black-box against the running server's sealed inference: an
 * allowed enclave's token is accepted only with a fresh DPoP proof (RFC 9449) signed by the key its evidence
 * binds, for this request; and a token anyone can obtain for the platform's published evidence gets nowhere.
 */
class AttestationProofIT {

    static final String MODEL = InferenceIT.MODEL;
    static final URI INFER = InferenceIT.inferUri(MODEL);

    private static String sealedRequest(String requestId) throws Exception {
        ECPublicKey provider = InferenceIT.providerKey(json(get("/inference/attestation/evidence", null)));
        return SealedExchangeJson.encodeRequest(SealedExchange.seal(provider,
                InferenceIT.request(0f).getBytes(StandardCharsets.UTF_8), SealedExchange.associatedData(MODEL, requestId)));
    }

    private static HttpResponse<String> infer(String token, String proof) throws Exception {
        String requestId = UUID.randomUUID().toString();
        java.net.http.HttpRequest.Builder request = InferenceIT.inferRequest(MODEL, requestId, sealedRequest(requestId))
                .header("Authorization", "DPoP " + token);
        if (proof != null) {
            request.header("DPoP", proof);
        }
        return Http.send(request.build());
    }

    private static void assertRefused(HttpResponse<String> refused, String reason) {
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(reason, json(refused).getString("reason"));
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("DPoP "));
    }

    @Test
    void aTokenWithAValidProofIsAccepted() throws Exception {
        AttestedCaller caller = InferenceIT.caller();

        HttpResponse<String> answered = infer(caller.token, caller.proof("POST", INFER));

        assertEquals(200, answered.statusCode(), answered.body());
    }

    @Test
    void aTokenWithoutProofIsRefused() throws Exception {
        assertRefused(infer(InferenceIT.caller().token, null), "PROOF_MISSING");
    }

    @Test
    void aProofByAnotherKeyIsRefused() throws Exception {
        AttestedCaller caller = InferenceIT.caller();
        String byAnotherKey = ProofSigner.sign(ProofKeys.generate(), "POST", INFER, caller.token, Instant.now());

        assertRefused(infer(caller.token, byAnotherKey), "PROOF_KEY_MISMATCH");
    }

    @Test
    void aStaleProofIsRefused() throws Exception {
        AttestedCaller caller = InferenceIT.caller();

        assertRefused(infer(caller.token, caller.proof("POST", INFER, Instant.now().minusSeconds(300))), "PROOF_STALE");
    }

    @Test
    void aReplayedProofIsRefused() throws Exception {
        AttestedCaller caller = InferenceIT.caller();
        String proof = caller.proof("POST", INFER);
        assertEquals(200, infer(caller.token, proof).statusCode());

        assertRefused(infer(caller.token, proof), "PROOF_REPLAYED");
    }

    @Test
    void aProofForAnotherRequestIsRefused() throws Exception {
        AttestedCaller caller = InferenceIT.caller();

        assertRefused(infer(caller.token, caller.proof("POST", InferenceIT.inferUri("unet"))), "PROOF_MISMATCH");
    }

    @Test
    void thePlatformsOwnTokenObtainedByAnyoneIsRefused() throws Exception {
        String nonce = "anyone-" + UUID.randomUUID();
        String body = AttestationIT.attestBody(AttestationIT.evidence(nonce), nonce)
                .replaceFirst("}$", ",\"audience\":\"" + AttestedCaller.INFERENCE + "\"}");
        HttpResponse<String> attested = Http.post(AttestationIT.ATTEST, Http.JSON, body, null);
        assertEquals(200, attested.statusCode(), attested.body());

        assertRefused(infer(json(attested).getString("token"), null), "PROOF_MISSING");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        AttestedCaller vaultsCaller = AttestedCaller.attest(AttestedCaller.ALLOWED, AttestedCaller.KEY_VAULT);

        HttpResponse<String> refused = infer(vaultsCaller.token, vaultsCaller.proof("POST", INFER));

        assertEquals(401, refused.statusCode(), "no service here takes a token meant for the vault: " + refused.body());
    }
}
