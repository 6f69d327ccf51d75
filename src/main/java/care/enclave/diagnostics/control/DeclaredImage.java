package care.enclave.diagnostics.control;

/**
 * What a header promises, read by the structure checks before any decoder runs: the dimensions, the
 * decoded size those imply at the declared depth and channels, and how many compressed bytes are meant to
 * hold them (PNG: the IDAT data; JPEG: the whole file).
 */
record DeclaredImage(int width, int height, int channels, int bytesPerSample, long compressedBytes) {

    long rawBytes() {
        return (long) width * height * channels * bytesPerSample;
    }

    /** Refuses, before allocation, anything too wide, too big once decoded, or implausibly well compressed. */
    void check(ImageLimits limits) {
        if (width > limits.maxSide() || height > limits.maxSide()) {
            throw new ImageRejected(ImageRejected.Kind.TOO_LARGE_DIMENSIONS);
        }
        if (width < limits.minSide() || height < limits.minSide()) {
            throw new ImageRejected(ImageRejected.Kind.TOO_SMALL_DIMENSIONS);
        }
        if (rawBytes() > limits.maxRawBytes()) {
            throw new ImageRejected(ImageRejected.Kind.TOO_LARGE_DIMENSIONS);
        }
        if (rawBytes() > limits.ratioFreeRawBytes() && rawBytes() > limits.maxCompressionRatio() * Math.max(1, compressedBytes)) {
            throw new ImageRejected(ImageRejected.Kind.IMPLAUSIBLE_COMPRESSION);
        }
    }
}
