package care.enclave.inference.control;

import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.crypto.SealedExchangeException;
import care.enclave.platform.crypto.SealedExchangeJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.time.Clock;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inference request sealed to this enclave (HPKE, model name and request id as associated data): opened
 * here, run, and answered sealed to the requester. Plaintext exists only in this process. A request seen
 * before (same encapsulated key) is refused, so a replay by the untrusted host runs nothing twice.
 */
@ApplicationScoped
public class SealedInference {

    private static final int REMEMBERED_REQUESTS = 100_000;

    @Inject
    ProviderIdentity identity;

    @Inject
    InferenceService models;

    @Inject
    ModelStatistics statistics;

    @Inject
    Clock clock;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REQUESTS;
        }
    };

    /** Opens, runs and seals the answer; every attempt on a served model is counted, success or not. */
    public String infer(String modelName, String requestId, String sealedRequest) {
        ModelInfo model = models.info(modelName);
        long start = System.nanoTime();
        try {
            String answer = run(model, requestId, sealedRequest);
            statistics.succeeded(modelName, System.nanoTime() - start, clock.millis());
            return answer;
        } catch (RuntimeException e) {
            statistics.failed(modelName, System.nanoTime() - start);
            throw e;
        }
    }

    private String run(ModelInfo model, String requestId, String sealedRequest) {
        String modelName = model.name();
        byte[] aad = SealedExchange.associatedData(modelName, requestId);
        SealedExchangeJson.Request request = decode(sealedRequest);
        SealedExchange.Opened opened = open(request, aad);
        KServeJson.InferRequest inferRequest = KServeJson.request(opened.plaintext());
        List<Tensor> outputs = models.infer(modelName, inferRequest.inputs());
        return SealedExchangeJson.encodeResponse(
                opened.sealResponse(KServeJson.response(model, inferRequest.id(), outputs), aad));
    }

    private static SealedExchangeJson.Request decode(String sealedRequest) {
        try {
            return SealedExchangeJson.decodeRequest(sealedRequest);
        } catch (SealedExchangeException e) {
            throw new InferenceException(Kind.INVALID_INPUT, "the sealed request is malformed");
        }
    }

    private SealedExchange.Opened open(SealedExchangeJson.Request request, byte[] aad) {
        SealedExchange.Opened opened;
        try {
            opened = SealedExchange.open(identity.requestKeyPair(), request.enc(), request.ciphertext(), aad);
        } catch (SealedExchangeException e) {
            throw new InferenceException(Kind.INVALID_INPUT, "the sealed request does not open for this model and id");
        }
        synchronized (seen) {
            if (seen.put(fingerprint(request.enc()), Boolean.TRUE) != null) {
                throw new InferenceException(Kind.REPLAYED, "this sealed request was already answered");
            }
        }
        return opened;
    }

    private static String fingerprint(byte[] enc) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(enc));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }
}
