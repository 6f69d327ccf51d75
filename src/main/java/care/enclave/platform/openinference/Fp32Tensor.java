package care.enclave.platform.openinference;

import java.util.Arrays;

/** An FP32 tensor of an Open Inference Protocol message: row-major values and a shape they fill exactly. */
public record Fp32Tensor(String name, long[] shape, float[] data) {

    public Fp32Tensor {
        if (name == null || shape == null || data == null || elements(shape) != data.length) {
            throw new IllegalArgumentException("A tensor needs a name and exactly as many values as its shape holds");
        }
    }

    /** The number of values a shape holds; -1 for a negative dimension or one beyond a Java array. */
    static long elements(long[] shape) {
        long elements = 1;
        for (long dimension : shape) {
            if (dimension < 0 || dimension > 0 && elements > Integer.MAX_VALUE / dimension) {
                return -1;
            }
            elements *= dimension;
        }
        return elements;
    }

    @Override
    public String toString() {
        // The values are patient data: never in a log line or message.
        return "Fp32Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
