package care.enclave.diagnostics.control;

/**
 * Hard limits checked before any pixel buffer is allocated, all from the file size and the header.
 * The model reads 256 x 256, so a side of 1024 leaves room for any real slice while bounding decoder
 * memory; {@code maxRawBytes} bounds it again once the bit depth and channels are known (1024 x 1024
 * 16-bit RGBA is 8 MiB). {@code maxCompressionRatio} refuses headers that promise far more pixels than the
 * compressed data can plausibly hold: real MRI slices compress 2-10 times, a 74-byte file declaring
 * 128 MiB or a deflate bomb about a thousand times. Below {@link #RATIO_FREE_RAW_BYTES} the ratio is not
 * asked: such a decode is cheap whatever it holds, and blank or synthetic test slices compress far better
 * than scans. The minimum keeps out icons that hold no usable slice.
 */
public record ImageLimits(int maxBytes, int minSide, int maxSide, long maxRawBytes, int maxCompressionRatio) {

    public static final ImageLimits DEFAULT = new ImageLimits(16 * 1024 * 1024, 16, 1024, 8L * 1024 * 1024, 200);

    /** Decoded sizes up to this are allowed at any compression ratio (1024 x 1024 8-bit grey and alpha). */
    public static final long RATIO_FREE_RAW_BYTES = 2L * 1024 * 1024;

    public ImageLimits {
        if (maxBytes < 1 || minSide < 1 || maxSide < minSide || maxRawBytes < 1 || maxCompressionRatio < 1) {
            throw new IllegalArgumentException("Image limits must be positive and minSide <= maxSide");
        }
    }

    long ratioFreeRawBytes() {
        return Math.min(RATIO_FREE_RAW_BYTES, maxRawBytes);
    }

    /** The default raw-size and ratio limits with other byte and side limits (tests, tools). */
    public ImageLimits(int maxBytes, int minSide, int maxSide) {
        this(maxBytes, minSide, maxSide, DEFAULT.maxRawBytes, DEFAULT.maxCompressionRatio);
    }
}
