package care.enclave.inference.control;

import care.enclave.inference.control.InferenceException.Kind;
import care.enclave.inference.entity.ModelInfo;
import care.enclave.inference.entity.Tensor;
import care.enclave.inference.entity.TensorSpec;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The Open Inference Protocol (KServe v2) JSON shapes: model metadata, infer requests (FP32 inputs with
 * name, shape and flat data) and responses. Strict: a request that is not exactly that shape is refused.
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

    /** The request's id (or null) and its inputs. */
    public record InferRequest(String id, List<Tensor> inputs) {
    }

    public static InferRequest request(byte[] json) {
        try {
            JsonObject request = JSON.createReader(new ByteArrayInputStream(json)).readObject();
            List<Tensor> inputs = new ArrayList<>();
            for (JsonValue value : request.getJsonArray("inputs")) {
                inputs.add(tensor(value.asJsonObject()));
            }
            String id = request.containsKey("id") ? request.getString("id") : null;
            return new InferRequest(id, inputs);
        } catch (InferenceException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // Malformed JSON, wrong types, missing members, and Parsson's nesting and number limits alike.
            throw new InferenceException(Kind.INVALID_INPUT, "the request is not an Open Inference Protocol FP32 request");
        }
    }

    private static Tensor tensor(JsonObject input) {
        if (!"FP32".equals(input.getString("datatype"))) {
            throw new InferenceException(Kind.INVALID_INPUT, "only FP32 inputs are accepted");
        }
        JsonArray shapeJson = input.getJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.getJsonNumber(i).longValueExact();
        }
        JsonArray dataJson = input.getJsonArray("data");
        float[] data = new float[dataJson.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((JsonNumber) dataJson.get(i)).doubleValue();
        }
        return new Tensor(input.getString("name"), shape, data);
    }

    public static byte[] response(ModelInfo model, String id, List<Tensor> outputs) {
        JsonArrayBuilder tensors = JSON.createArrayBuilder();
        for (Tensor output : outputs) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (float value : output.data()) {
                data.add(value);
            }
            JsonArrayBuilder shape = JSON.createArrayBuilder();
            for (long dimension : output.shape()) {
                shape.add(dimension);
            }
            tensors.add(JSON.createObjectBuilder().add("name", output.name()).add("datatype", "FP32")
                    .add("shape", shape).add("data", data));
        }
        var response = JSON.createObjectBuilder().add("model_name", model.name()).add("model_version", model.sha256());
        if (id != null) {
            response.add("id", id);
        }
        return response.add("outputs", tensors).build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
