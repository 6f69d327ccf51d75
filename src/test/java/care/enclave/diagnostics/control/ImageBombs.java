package care.enclave.diagnostics.control;

import java.io.ByteArrayOutputStream;

/** Crafted decompression bombs: small files whose headers promise huge pixel buffers. */
final class ImageBombs {

    private static final byte[] IEND = TestImages.chunk("IEND", new byte[0]);

    private ImageBombs() {
    }

    /** A PNG with the given header and one IDAT chunk of the given (deflated) data. */
    static byte[] png(int width, int height, int bitDepth, int colourType, byte[] idat) {
        return TestImages.concat(TestImages.PNG_SIGNATURE, TestImages.chunk("IHDR", TestImages.ihdr(width, height,
                bitDepth, colourType)), TestImages.chunk("IDAT", idat), IEND);
    }

    /** A complete, valid 16-bit RGBA PNG of zeroes: every row's filter byte and samples, deflated about 1000:1. */
    static byte[] zlibBombPng(int width, int height) {
        return png(width, height, 16, 6, TestImages.deflate(new byte[height * (1 + width * 8)]));
    }

    /** A JPEG whose baseline frame declares the given size over a one-byte scan. */
    static byte[] jpegDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (height >> 8), (byte) height,
                (byte) (width >> 8), (byte) width, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0});
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0, 3, 0, 0, 63, 0});
        out.writeBytes(new byte[]{0, (byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }
}
