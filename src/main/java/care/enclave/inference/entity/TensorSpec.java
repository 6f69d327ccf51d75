package care.enclave.inference.entity;

import java.util.List;

/** A model input or output as the model declares it (Open Inference Protocol terms; -1 = any size). */
public record TensorSpec(String name, String datatype, List<Long> shape) {
}
