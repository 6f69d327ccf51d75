package care.enclave.inference.entity;

import java.util.List;

/** A served model: its name, the SHA-256 of its file (its version and identity), and its signature. */
public record ModelInfo(String name, String sha256, long sizeBytes, List<TensorSpec> inputs, List<TensorSpec> outputs) {
}
