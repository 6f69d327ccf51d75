package care.enclave.inference.control;

import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import care.enclave.inference.entity.TensorSpec;
import care.enclave.platform.openinference.Fp32Tensor;
import care.enclave.platform.openinference.KServeBinary;
import care.enclave.platform.openinference.KServeBinaryException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The Open Inference Protocol (KServe v2) shapes: model metadata, infer requests (FP32 inputs with name,
 * shape and flat data, as JSON or binary tensor data) and responses, binary where the request asks for it.
 * Strict: a request that is not exactly that shape is refused.
 */
public final class KServeJson {

    private KServeJson() {
    }

    public static JsonObject metadata(ModelInfo model) {
        return JSON.createObjectBuilder()
                .add("name", model.name())
                .add("versions", JSON.createArrayBuilder().add(model.sha256()))
                .add("platform", "onnxruntime_onnx")
                .add("sha256", model.sha256())
                .add("inputs", specs(model.inputs()))
                .add("outputs", specs(model.outputs()))
                .build();
    }

    private static JsonArrayBuilder specs(List<TensorSpec> specs) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (TensorSpec spec : specs) {
            array.add(JSON.createObjectBuilder().add("name", spec.name()).add("datatype", spec.datatype())
                    .add("shape", JSON.createArrayBuilder(spec.shape())));
        }
        return array;
    }

    /**
     * The request's id (or null), its inputs, the outputs it names (none: all), and which outputs it wants as
     * binary data: those it marks {@code "binary_data"}, else all when it sets {@code "binary_data_output"}.
     */
    public record InferRequest(String id, List<Tensor> inputs, Map<String, Boolean> outputs, boolean binaryOutput) {

        boolean binary(String output) {
            return outputs.getOrDefault(output, binaryOutput);
        }
    }

    /** Reads a request, plain JSON or, with {@code headerLength}, the binary tensor data extension. */
    public static InferRequest request(byte[] plaintext, String headerLength) {
        try {
            KServeBinary.Message message = KServeBinary.read(plaintext, headerLength, "inputs");
            JsonObject request = message.header();
            List<Tensor> inputs = message.tensors().stream()
                    .map(t -> new Tensor(t.name(), t.shape(), t.data())).toList();
            String id = request.containsKey("id") ? request.getString("id") : null;
            boolean binaryOutput = flag(request, "binary_data_output", false);
            return new InferRequest(id, inputs, outputs(request, binaryOutput), binaryOutput);
        } catch (InferenceException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // Malformed JSON, wrong types, missing members, the binary codec's refusals and Parsson's limits alike.
            throw new InferenceException(Kind.INVALID_INPUT, "the request is not an Open Inference Protocol FP32 request");
        }
    }

    private static Map<String, Boolean> outputs(JsonObject request, boolean binaryOutput) {
        Map<String, Boolean> outputs = new LinkedHashMap<>();
        JsonArray named = request.containsKey("outputs") ? request.getJsonArray("outputs") : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue value : named) {
            JsonObject output = value.asJsonObject();
            if (outputs.put(output.getString("name"), flag(output, "binary_data", binaryOutput)) != null) {
                throw new InferenceException(Kind.INVALID_INPUT, "the request names an output twice");
            }
        }
        return outputs;
    }

    /** A boolean among the object's {@code parameters}: present but not a boolean is refused. */
    private static boolean flag(JsonObject object, String name, boolean otherwise) {
        JsonObject parameters = object.containsKey("parameters") ? object.getJsonObject("parameters") : JsonValue.EMPTY_JSON_OBJECT;
        return parameters.containsKey(name) ? parameters.getBoolean(name) : otherwise;
    }

    /** The outputs the request asked for, in its order (all when it names none); naming one the model lacks is refused. */
    private static List<Tensor> selected(InferRequest request, List<Tensor> outputs) {
        if (request.outputs().isEmpty()) {
            return outputs;
        }
        List<Tensor> selected = new ArrayList<>();
        for (String name : request.outputs().keySet()) {
            selected.add(outputs.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(
                    () -> new InferenceException(Kind.INVALID_INPUT, "the request names an output the model does not have")));
        }
        return selected;
    }

    /** The response, with the outputs the request wants as binary data after the JSON header. */
    public static KServeBinary.Body response(ModelInfo model, InferRequest request, List<Tensor> outputs) {
        var header = JSON.createObjectBuilder().add("model_name", model.name()).add("model_version", model.sha256());
        if (request.id() != null) {
            header.add("id", request.id());
        }
        List<Fp32Tensor> tensors = selected(request, outputs).stream()
                .map(t -> new Fp32Tensor(t.name(), t.shape(), t.data())).toList();
        try {
            return KServeBinary.write(header, "outputs", tensors, request::binary);
        } catch (NumberFormatException e) {
            throw new InferenceException(Kind.FAILED, "the output holds NaN or infinity, which only binary data can carry");
        }
    }
}

