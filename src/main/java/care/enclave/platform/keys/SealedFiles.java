package care.enclave.platform.keys;

import care.enclave.platform.crypto.Envelope;
import care.enclave.platform.crypto.EnvelopeException;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files sealed with AES-256-GCM under a purpose key, bound to their file name, written atomically and
 * owner-only. A sealed file that does not open is an error, never silently replaced.
 */
public final class SealedFiles {

    private SealedFiles() {
    }

    public static void write(Path file, SecretKey key, byte[] content) {
        try {
            SecureFiles.writeAtomically(file, Envelope.seal(key, 1, content, context(file)));
        } catch (IOException e) {
            throw new KeyException("SealedFiles: cannot write " + file.getFileName());
        }
    }

    public static Optional<byte[]> read(Path file, SecretKey key) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Envelope.open(key, Files.readAllBytes(file), context(file)));
        } catch (IOException e) {
            throw new KeyException("SealedFiles: cannot read " + file.getFileName());
        } catch (EnvelopeException e) {
            throw new KeyException("SealedFiles: " + file.getFileName() + " does not open under this sealing key");
        }
    }

    private static byte[] context(Path file) {
        return ("enclave-care/sealed-file/" + file.getFileName()).getBytes(StandardCharsets.UTF_8);
    }
}
