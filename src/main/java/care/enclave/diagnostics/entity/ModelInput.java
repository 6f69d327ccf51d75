package care.enclave.diagnostics.entity;

/**
 * The segmentation model's input (Buda et al. 2019 U-Net): one 3 x 256 x 256 float32 image in NCHW order,
 * channels R, G, B = pre-contrast, FLAIR, post-contrast, each standardised over the image. The array is
 * copied in and out, so a record handed to a client cannot be changed behind its back.
 */
public record ModelInput(float[] tensor) {

    public static final int SIDE = 256;
    public static final int CHANNELS = 3;
    public static final int PIXELS = SIDE * SIDE;

    public ModelInput {
        if (tensor.length != CHANNELS * PIXELS) {
            throw new IllegalArgumentException("A model input holds exactly 3 x 256 x 256 values");
        }
        tensor = tensor.clone();
    }

    @Override
    public float[] tensor() {
        return tensor.clone();
    }

    /** [batch, channels, height, width], as ONNX Runtime and the exported model expect it. */
    public long[] shape() {
        return new long[]{1, CHANNELS, SIDE, SIDE};
    }

    /** The index of one value: channel-major, then row, then column. */
    public static int index(int channel, int x, int y) {
        return channel * PIXELS + y * SIDE + x;
    }
}
