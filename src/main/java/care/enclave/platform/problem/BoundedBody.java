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
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw InvalidRequest.tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidRequest("The request body could not be read completely");
        }
    }
}
