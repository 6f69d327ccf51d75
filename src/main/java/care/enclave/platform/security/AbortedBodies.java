package care.enclave.platform.security;

import jakarta.servlet.ServletRequest;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Liberty's stream classes are few and fixed: each field is looked up once, not at the end of every request. */
    private static final Map<String, Optional<Field>> FIELDS = new ConcurrentHashMap<>();

    static void settle(ServletRequest request) {
        try {
            Object channelStream = value(request.getInputStream(), "in");
            if (channelStream != null && value(channelStream, "error") instanceof IOException) {
                Optional<Field> closed = field(channelStream.getClass(), "closed");
                if (closed.isPresent()) {
                    closed.get().setBoolean(channelStream, true);
                }
            }
        } catch (IllegalStateException readerInUse) {
            // The body was read as characters (getReader): the same stream underneath, reached no other way.
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not settle the request stream: {0}", e.getClass().getName());
        }
    }

    private static Object value(Object target, String name) throws IllegalAccessException {
        Optional<Field> field = field(target.getClass(), name);
        return field.isPresent() ? field.get().get(target) : null;
    }

    private static Optional<Field> field(Class<?> type, String name) {
        return FIELDS.computeIfAbsent(type.getName() + "#" + name, key -> find(type, name));
    }

    private static Optional<Field> find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return Optional.of(field);
            } catch (NoSuchFieldException | RuntimeException notHere) {
                // look further up; a field that cannot be opened counts as absent
            }
        }
        return Optional.empty();
    }
}
