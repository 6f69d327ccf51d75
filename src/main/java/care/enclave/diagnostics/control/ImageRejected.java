package care.enclave.diagnostics.control;

/** An uploaded image was refused before or while decoding; {@link #kind()} says why in a fixed text. */
public final class ImageRejected extends DiagnosticsException {

    /** The reasons, each with the only message that is ever shown for it. */
    public enum Kind {
        EMPTY("The image is empty"),
        TOO_MANY_BYTES("The image file is larger than allowed"),
        NOT_AN_IMAGE("The data is not an image"),
        UNSUPPORTED_FORMAT("Only PNG and JPEG images are accepted"),
        UNSUPPORTED_ENCODING("The image uses a PNG or JPEG variant that is not supported"),
        TRUNCATED("The image file is incomplete"),
        CORRUPT("The image file is damaged"),
        TOO_COMPLEX("The image needs more decoding work than allowed"),
        IMPLAUSIBLE_COMPRESSION("The image declares far more pixels than its compressed data can hold"),
        TOO_LARGE_DIMENSIONS("The image is wider or taller than allowed"),
        TOO_SMALL_DIMENSIONS("The image is too small to analyse");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Kind kind;

    public ImageRejected(Kind kind) {
        super("Image rejected: " + kind.message());
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
