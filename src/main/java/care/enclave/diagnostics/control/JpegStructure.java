package care.enclave.diagnostics.control;

/**
 * Checks a JPEG's marker layout (ITU T.81, annex B) before a decoder sees it. The JDK decoder pads a cut
 * short file with grey and only warns, so the end-of-image marker is required here; the frame type must be
 * one it decodes (baseline, extended or progressive Huffman, 8-bit, grey or three components); and the
 * number of scans is capped because a progressive file can make a small upload cost minutes of decoding.
 */
final class JpegStructure {

    static final int MAX_SCANS = 64;

    private static final int SOF0 = 0xC0;
    private static final int SOF2 = 0xC2;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private JpegStructure() {
    }

    /** The frame's declared size once the layout passed; 8-bit samples only, so one byte per sample. */
    static DeclaredImage check(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[jpeg.length - 2] & 0xFF) != 0xFF || (jpeg[jpeg.length - 1] & 0xFF) != EOI) {
            throw new ImageRejected(ImageRejected.Kind.TRUNCATED);
        }
        int scanStart = firstScan(jpeg);
        if (countScans(jpeg, scanStart) > MAX_SCANS) {
            throw new ImageRejected(ImageRejected.Kind.TOO_COMPLEX);
        }
        int frame = frameAt(jpeg);
        return new DeclaredImage(u16(jpeg, frame + 7), u16(jpeg, frame + 5), jpeg[frame + 9] & 0xFF, 1, jpeg.length);
    }

    /** The SOF segment's offset; {@link #firstScan} has already checked there is exactly one, before the scan. */
    private static int frameAt(byte[] jpeg) {
        int at = 2;
        while (true) {
            at = skipFill(jpeg, at);
            int marker = jpeg[at + 1] & 0xFF;
            if (isFrame(marker)) {
                return at;
            }
            at += marker == 0x01 || marker >= 0xD0 && marker <= 0xD7 ? 2 : 2 + segmentLength(jpeg, at);
        }
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    /** Walks the header segments after SOI; returns the offset of the first SOS marker. */
    private static int firstScan(byte[] jpeg) {
        int at = 2;
        boolean sawFrame = false;
        while (true) {
            at = skipFill(jpeg, at);
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == SOS) {
                requireThat(sawFrame);
                return at;
            }
            requireThat(marker != EOI && marker != 0xD8);
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += 2;
                continue;
            }
            int length = segmentLength(jpeg, at);
            if (isFrame(marker)) {
                requireThat(!sawFrame);
                checkFrame(jpeg, at, marker, length);
                sawFrame = true;
            }
            at += 2 + length;
        }
    }

    private static int skipFill(byte[] jpeg, int at) {
        if (at + 1 >= jpeg.length) {
            throw new ImageRejected(ImageRejected.Kind.TRUNCATED);
        }
        requireThat((jpeg[at] & 0xFF) == 0xFF);
        while (at + 1 < jpeg.length && (jpeg[at + 1] & 0xFF) == 0xFF) {
            at++;
        }
        if (at + 1 >= jpeg.length) {
            throw new ImageRejected(ImageRejected.Kind.TRUNCATED);
        }
        return at;
    }

    private static int segmentLength(byte[] jpeg, int at) {
        if (at + 4 > jpeg.length) {
            throw new ImageRejected(ImageRejected.Kind.TRUNCATED);
        }
        int length = (jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF;
        requireThat(length >= 2);
        if (at + 2 + length > jpeg.length - 2) {
            throw new ImageRejected(ImageRejected.Kind.TRUNCATED);
        }
        return length;
    }

    private static boolean isFrame(int marker) {
        return marker >= SOF0 && marker <= 0xCF && marker != DHT && marker != JPG && marker != DAC;
    }

    /** SOF: length(2) precision(1) height(2) width(2) components(1). */
    private static void checkFrame(byte[] jpeg, int at, int marker, int length) {
        requireThat(length >= 8);
        int precision = jpeg[at + 4] & 0xFF;
        int components = jpeg[at + 9] & 0xFF;
        if (marker > SOF2 || precision != 8 || components != 1 && components != 3) {
            throw new ImageRejected(ImageRejected.Kind.UNSUPPORTED_ENCODING);
        }
    }

    /** Entropy-coded data stuffs every 0xFF with 0x00, so 0xFF 0xDA there can only be a real SOS marker. */
    private static int countScans(byte[] jpeg, int from) {
        int scans = 0;
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == SOS) {
                scans++;
            }
        }
        return scans;
    }

    private static void requireThat(boolean condition) {
        if (!condition) {
            throw new ImageRejected(ImageRejected.Kind.CORRUPT);
        }
    }
}
