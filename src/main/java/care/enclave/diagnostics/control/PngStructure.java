package care.enclave.diagnostics.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Checks a PNG's chunk layout (PNG spec, clause 5) before a decoder sees it, and keeps only the chunks the
 * pixels need. Compressed text and ICC profile chunks (zTXt, iTXt, iCCP) are the decompression-bomb vectors
 * a decoder would otherwise inflate in full, and no ancillary chunk changes the pixels we read, so all of
 * them are dropped. Every CRC is checked; a missing IEND means the upload was cut short.
 */
final class PngStructure {

    private static final int SIGNATURE_LENGTH = 8;
    private static final int IHDR_LENGTH = 13;
    private static final int IDAT = 0x49444154;
    private static final Set<String> CRITICAL = Set.of("IHDR", "PLTE", "IDAT", "IEND");

    private PngStructure() {
    }

    /** The same image with only IHDR, PLTE, IDAT and IEND, or a rejection saying what is wrong. */
    static byte[] criticalChunks(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(SIGNATURE_LENGTH);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, SIGNATURE_LENGTH);
        boolean first = true;
        boolean sawData = false;
        while (true) {
            int start = in.position();
            String type = nextChunk(in);
            checkOrder(type, first, sawData);
            first = false;
            sawData |= type.equals("IDAT");
            if (CRITICAL.contains(type)) {
                out.write(png, start, in.position() - start);
            }
            if (type.equals("IEND")) {
                return requireEnd(in, out);
            }
        }
    }

    /** Reads one chunk's header, skips its data and checks its CRC; returns its type. */
    private static String nextChunk(ByteBuffer in) {
        if (in.remaining() < 8) {
            throw reject(ImageRejected.Kind.TRUNCATED);
        }
        int length = in.getInt();
        byte[] typeBytes = new byte[4];
        in.get(typeBytes);
        if (length < 0 || !isChunkType(typeBytes)) {
            throw reject(ImageRejected.Kind.CORRUPT);
        }
        if (in.remaining() < (long) length + 4) {
            throw reject(ImageRejected.Kind.TRUNCATED);
        }
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(in.array(), in.position(), length);
        in.position(in.position() + length);
        if ((int) crc.getValue() != in.getInt()) {
            throw reject(ImageRejected.Kind.CORRUPT);
        }
        String type = new String(typeBytes, StandardCharsets.US_ASCII);
        if (type.equals("IHDR") && length != IHDR_LENGTH) {
            throw reject(ImageRejected.Kind.CORRUPT);
        }
        return type;
    }

    private static void checkOrder(String type, boolean first, boolean sawData) {
        if (first != type.equals("IHDR") || type.equals("IEND") && !sawData) {
            throw reject(ImageRejected.Kind.CORRUPT);
        }
        if (isCritical(type) && !CRITICAL.contains(type)) {
            throw reject(ImageRejected.Kind.UNSUPPORTED_ENCODING);
        }
    }

    private static byte[] requireEnd(ByteBuffer in, ByteArrayOutputStream out) {
        if (in.hasRemaining()) {
            throw reject(ImageRejected.Kind.CORRUPT);
        }
        return out.toByteArray();
    }

    private static boolean isChunkType(byte[] type) {
        for (byte b : type) {
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** Bit 5 of the first type byte clear (an upper-case letter) marks a chunk a decoder must understand. */
    private static boolean isCritical(String type) {
        return Character.isUpperCase(type.charAt(0));
    }

    /**
     * The IHDR's promise (PNG spec 11.2.2: width, height, bit depth, colour type) and the IDAT bytes that
     * must hold it, from a PNG that {@link #criticalChunks} already checked.
     */
    static DeclaredImage declared(byte[] checked) {
        ByteBuffer in = ByteBuffer.wrap(checked);
        int width = in.getInt(16);
        int height = in.getInt(20);
        int bitDepth = checked[24] & 0xFF;
        int channels = switch (checked[25]) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> throw reject(ImageRejected.Kind.CORRUPT);
        };
        if (width <= 0 || height <= 0) {
            // Unsigned 31-bit in the spec: a negative int is a value no decoder may accept.
            throw reject(width == 0 || height == 0 ? ImageRejected.Kind.TOO_SMALL_DIMENSIONS
                    : ImageRejected.Kind.TOO_LARGE_DIMENSIONS);
        }
        return new DeclaredImage(width, height, channels, bitDepth > 8 ? 2 : 1, dataBytes(in));
    }

    private static long dataBytes(ByteBuffer in) {
        long total = 0;
        in.position(SIGNATURE_LENGTH);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            if (in.getInt() == IDAT) {
                total += length;
            }
            in.position(in.position() + length + 4);
        }
        return total;
    }

    private static ImageRejected reject(ImageRejected.Kind kind) {
        return new ImageRejected(kind);
    }
}
