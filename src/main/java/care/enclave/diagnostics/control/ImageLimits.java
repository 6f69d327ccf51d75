package care.enclave.diagnostics.control;

/**
 * Hard limits checked before any pixel is decoded: file size, and width and height read from the header.
 * The side limits bound decoder memory (4096 x 4096 x 16-bit RGBA is 128 MiB at most); the minimum keeps
 * out thumbnails and icons that cannot hold a usable slice.
 */
public record ImageLimits(int maxBytes, int minSide, int maxSide) {

    public static final ImageLimits DEFAULT = new ImageLimits(16 * 1024 * 1024, 16, 4096);

    public ImageLimits {
        if (maxBytes < 1 || minSide < 1 || maxSide < minSide) {
            throw new IllegalArgumentException("Image limits must be positive and minSide <= maxSide");
        }
    }
}
