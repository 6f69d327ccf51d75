package care.enclave.diagnostics.control;

import care.enclave.attestation.api.Attestation;
import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.diagnostics.client.InferenceApi;
import care.enclave.diagnostics.control.ProviderException.Kind;
import care.enclave.diagnostics.entity.Delineation;
import care.enclave.diagnostics.entity.ModelInput;
import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.crypto.SealedExchangeException;
import care.enclave.platform.crypto.SealedExchangeJson;
import care.enclave.platform.openinference.Fp32Tensor;
import care.enclave.platform.openinference.KServeBinary;
import care.enclave.platform.openinference.KServeBinaryException;
import care.enclave.platform.problem.SafeDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Delineates a brain MRI slice with the provider's model, confidentially: decode and prepare the image
 * here, verify the provider enclave, seal the request to its attested key, call it with our own attestation
 * token for the provider's audience and a DPoP proof signed in this enclave, open the sealed answer, and draw the outline here. The provider's host sees only ciphertext.
 */
@ApplicationScoped
public class DelineationService {

    private static final Logger LOG = Logger.getLogger(DelineationService.class.getName());

    @Inject
    ProviderVerification verification;

    @Inject
    @RestClient
    InferenceApi provider;

    @Inject
    Attestation attestation;

    @Inject
    AuditTrail audit;

    @Inject
    ProviderProbe probe;

    @Inject
    DecodeSlots decodeSlots;

    @Inject
    @ConfigProperty(name = "diagnostics.model", defaultValue = "unet")
    String modelName;

    /** The audience our token names for the provider: its {@code inference.callers.audience}. */
    @Inject
    @ConfigProperty(name = "diagnostics.provider.audience", defaultValue = "enclave-care-inference")
    String providerAudience;

    @Inject
    @ConfigProperty(name = "inference/mp-rest/url")
    String providerUrl;

    /** The outlined image with how it was produced and by whom. */
    public record Result(Delineation delineation, VerifiedProvider provider, long verifyMillis, long inferMillis) {
    }

    /**
     * Audited without a record (the image names no patient): the provider enclave and model when done, the
     * kind of failure otherwise. The outline is returned only once its delineation is recorded.
     */
    public Result delineate(byte[] image) {
        Result result;
        try {
            requireEnabled();
            result = delineateUnaudited(image);
        } catch (DiagnosticsException failed) {
            audit.record(AuditEvent.failure(Action.DELINEATION, reason(failed)));
            throw failed;
        }
        audit.record(AuditEvent.success(Action.DELINEATION).on("provider=" + result.provider().attestation().mrEnclave()
                + " model=" + result.provider().modelName() + " sha256=" + result.provider().modelSha256()));
        return result;
    }

    private static String reason(DiagnosticsException failed) {
        if (failed instanceof ProviderException provider) {
            return "PROVIDER_" + provider.kind();
        }
        return failed instanceof ImageRejected image ? "IMAGE_" + image.kind() : failed.getClass().getSimpleName();
    }

    private void requireEnabled() {
        if (!probe.enabled()) {
            throw new ProviderException(Kind.DISABLED, "diagnostics are not enabled on this platform");
        }
    }

    private Result delineateUnaudited(byte[] image) {
        PreparedSlice slice = decodeSlots.run(() -> Preprocessing.prepare(MriImage.decode(image)));
        long start = System.nanoTime();
        VerifiedProvider verified = call(() -> verification.verify(modelName));
        long verifiedAt = System.nanoTime();
        JsonObject metadata = JSON.createReader(new StringReader(call(() -> provider.metadata(modelName)))).readObject();
        if (!verified.modelSha256().equals(metadata.getString("sha256", ""))) {
            throw new ProviderException(Kind.UNTRUSTED, "the served model is not the one the evidence vouches for");
        }
        float[] probabilities = infer(verified, metadata, slice.input());
        long inferredAt = System.nanoTime();
        return new Result(Postprocessing.delineate(slice, probabilities), verified,
                (verifiedAt - start) / 1_000_000, (inferredAt - verifiedAt) / 1_000_000);
    }

    /**
     * The input goes as binary tensor data (the Open Inference Protocol extension) and the answer is asked for
     * likewise: formatting and parsing 196,608 floats as JSON text cost far more than sealing them.
     */
    private float[] infer(VerifiedProvider verified, JsonObject metadata, ModelInput input) {
        String requestId = UUID.randomUUID().toString();
        byte[] aad = SealedExchange.associatedData(modelName, requestId);
        String inputName = metadata.getJsonArray("inputs").getJsonObject(0).getString("name");
        KServeBinary.Body request = KServeBinary.write(
                JSON.createObjectBuilder().add("parameters", JSON.createObjectBuilder().add("binary_data_output", true)),
                "inputs", List.of(new Fp32Tensor(inputName, input.shape(), input.tensor())), name -> true);
        SealedExchange.Sealed sealed = SealedExchange.seal(verified.requestKey(), request.bytes(), aad);
        String token = attestation.ownToken(providerAudience);
        String proof = attestation.proof("POST", inferUri(), token);
        InferenceApi.SealedAnswer answer = call(() -> provider.inferSealed(modelName, requestId, "DPoP " + token, proof,
                String.valueOf(request.headerLength().orElseThrow()), SealedExchangeJson.encodeRequest(sealed)));
        try {
            byte[] plain = sealed.openResponse(SealedExchangeJson.decodeResponse(answer.sealed()), aad);
            List<Fp32Tensor> outputs = KServeBinary.read(plain, answer.headerLength(), "outputs").tensors();
            if (outputs.isEmpty()) {
                throw new ProviderException(Kind.REFUSED, "the provider's answer holds no output");
            }
            return outputs.get(0).data();
        } catch (SealedExchangeException | KServeBinaryException e) {
            throw new ProviderException(Kind.REFUSED, "the provider's answer does not open or is not an inference response");
        }
    }

    /** The URL the provider sees for this call, which the DPoP proof must name (RFC 9449 htu). */
    private URI inferUri() {
        String base = providerUrl.endsWith("/") ? providerUrl.substring(0, providerUrl.length() - 1) : providerUrl;
        return URI.create(base + "/inference/v2/models/" + modelName + "/infer");
    }

    /** A provider that cannot be reached or answers nonsense is unavailable; its own refusals pass through. */
    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (DiagnosticsException known) {
            throw known;
        } catch (RuntimeException e) {
            // Types and frames only: a client library's message may quote what the provider sent.
            LOG.warning(() -> "The diagnostics provider could not be used: " + SafeDescription.of(e));
            throw new ProviderException(Kind.UNAVAILABLE, "the provider could not be reached or answered unreadably");
        }
    }
}
