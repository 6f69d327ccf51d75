package care.enclave.diagnostics.control;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The accepted formats, recognised by their signature bytes only: a file name or declared content type is
 * the uploader's claim, the signature is what the decoder will actually be given.
 */
public enum ImageFormat {
    PNG("png"),
    JPEG("jpeg");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final int DICOM_PREAMBLE = 128;

    /**
     * Other image signatures (GIF, BMP, TIFF, PSD, ICO, JPEG 2000, SVG/XML), so that a GIF or a DICOM file
     * is told apart from data that is no image at all.
     */
    private static final List<byte[]> OTHER_IMAGES = List.of(ascii("GIF87a"), ascii("GIF89a"), ascii("BM"),
            ascii("II*\0"), ascii("MM\0*"), ascii("8BPS"), new byte[]{0, 0, 1, 0}, new byte[]{0, 0, 0, 0x0C, 'j', 'P'},
            new byte[]{(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51}, ascii("<svg"), ascii("<?xml"), ascii("<!DOCTYPE svg"),
            new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<'});

    private final String readerFormat;

    ImageFormat(String readerFormat) {
        this.readerFormat = readerFormat;
    }

    /** The javax.imageio format name whose reader must decode this format. */
    String readerFormat() {
        return readerFormat;
    }

    static ImageFormat detect(byte[] bytes) {
        if (startsWith(bytes, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (startsWith(bytes, 0, JPEG_SIGNATURE)) {
            return JPEG;
        }
        if (isOtherImage(bytes)) {
            throw new ImageRejected(ImageRejected.Kind.UNSUPPORTED_FORMAT);
        }
        throw new ImageRejected(ImageRejected.Kind.NOT_AN_IMAGE);
    }

    private static boolean isOtherImage(byte[] bytes) {
        return OTHER_IMAGES.stream().anyMatch(signature -> startsWith(bytes, 0, signature))
                || startsWith(bytes, 8, ascii("WEBP")) && startsWith(bytes, 0, ascii("RIFF"))
                || startsWith(bytes, 4, ascii("ftyp")) && (startsWith(bytes, 8, ascii("hei"))
                        || startsWith(bytes, 8, ascii("avif")) || startsWith(bytes, 8, ascii("mif1")))
                || startsWith(bytes, DICOM_PREAMBLE, ascii("DICM"));
    }

    static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
