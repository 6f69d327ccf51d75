package care.enclave.platform.enclave;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The simulated enclave's MRENCLAVE: SHA-256 over the deployed code, entry by entry in the natural order
 * of the paths, each as path (UTF-8), a 0 byte, the content length (8 bytes big-endian) and the content.
 * Unlike real SGX, which measures the enclave's memory pages as they are loaded, this is computed by the
 * code it measures, so it identifies a build but proves nothing about it.
 */
public final class CodeMeasurement {

    private CodeMeasurement() {
    }

    public static byte[] measure(SortedMap<String, byte[]> files) {
        // A caller's own comparator must not change the measurement: always hash in natural order.
        TreeMap<String, byte[]> ordered = new TreeMap<>();
        ordered.putAll(files);
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> file : ordered.entrySet()) {
            if (file.getKey().indexOf('\0') >= 0) {
                // The 0 byte ends the path; a path containing one could collide with another entry.
                throw new IllegalArgumentException("a measured path contains a NUL character");
            }
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(file.getValue().length).array());
            digest.update(file.getValue());
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }
}
