package care.enclave.platform.security;

import jakarta.servlet.ServletRequest;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an aborted upload out of Liberty's FFDC incident files. When a client sends part of a body and goes
 * away, the read fails; the HTTP channel's input stream keeps that failure, and when the request ends the web
 * container closes the stream, gets the same failure again and writes it as an incident whose dump of the
 * request object holds its headers (the caller's Basic credentials) and URI (the patient id). Nothing in
 * Liberty's configuration stops FFDC, and the container's stream offers no way to settle a failed read, so
 * after a failed read this marks the container's stream closed, as a successful close would have: the
 * request ends quietly. Reflection on Liberty's internals ({@code SRTInputStream.in},
 * {@code HttpInputStreamImpl.error/closed}): if a Liberty upgrade renames them this does nothing, and the
 * leak scan of the integration tests (aborted uploads, then every log file searched) fails.
 */
final class AbortedBodies {

    private static final Logger LOG = Logger.getLogger(AbortedBodies.class.getName());

    private AbortedBodies() {
    }

    static void settle(ServletRequest request) {
        try {
            Object channelStream = field(request.getInputStream(), "in");
            if (channelStream != null && field(channelStream, "error") instanceof IOException) {
                Field closed = declared(channelStream.getClass(), "closed");
                closed.setAccessible(true);
                closed.setBoolean(channelStream, true);
            }
        } catch (IllegalStateException readerInUse) {
            // The body was read as characters (getReader): the same stream underneath, reached no other way.
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not settle the request stream: {0}", e.getClass().getName());
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = declared(target.getClass(), name);
        field.setAccessible(true);
        return field.get(target);
    }

    private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // look further up
            }
        }
        throw new NoSuchFieldException(name);
    }
}
