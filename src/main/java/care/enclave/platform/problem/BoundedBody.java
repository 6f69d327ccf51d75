package care.enclave.platform.problem;

import java.io.IOException;
import java.io.InputStream;

/** A request body read whole but never beyond its endpoint's limit: over it is 413, unreadable is 400. */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static byte[] read(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new InvalidRequest("The request body could not be read completely");
        } finally {
            closeQuietly(body);
        }
        if (bytes.length > maxBytes) {
            throw InvalidRequest.tooLarge(maxBytes);
        }
        return bytes;
    }

    /**
     * Not try-with-resources: a servlet stream whose framing is broken (bad chunking, a client gone) throws the
     * same exception instance from read and close, and adding it to itself as suppressed fails with an
     * IllegalArgumentException that would surface as a 500.
     */
    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException | RuntimeException alreadyFailed) {
            // The read's outcome decides the answer; a failing close adds nothing.
        }
    }
}
