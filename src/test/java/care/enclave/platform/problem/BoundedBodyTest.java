package care.enclave.platform.problem;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedBodyTest {

    /** What Liberty's request stream does when the client's framing breaks: one exception, from read and close. */
    private static final class BrokenStream extends InputStream {
        private final IOException failure = new EOFException("peer gone");

        @Override
        public int read() throws IOException {
            throw failure;
        }

        @Override
        public void close() throws IOException {
            throw failure;
        }
    }

    @Test
    void aStreamThatFailsTheSameWayOnReadAndCloseIsA400() {
        InvalidRequest refused = assertThrows(InvalidRequest.class, () -> BoundedBody.read(new BrokenStream(), 100));

        assertFalse(refused.tooLarge());
    }

    @Test
    void overTheLimitIs413AndWithinItIsReadWhole() {
        assertTrue(assertThrows(InvalidRequest.class,
                () -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 100)).tooLarge());
        assertArrayEquals(new byte[100], BoundedBody.read(new ByteArrayInputStream(new byte[100]), 100));
        assertEquals(0, BoundedBody.read(null, 100).length);
    }
}
