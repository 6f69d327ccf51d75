package care.enclave.inference.entity;

/** FP32 tensor data in row-major order with its shape. */
public record Tensor(String name, long[] shape, float[] data) {
}
