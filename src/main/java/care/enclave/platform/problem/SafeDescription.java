package care.enclave.platform.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure by its exception types and the top frame of each, never by its messages:
 * messages of libraries (parsers, drivers) may contain the data that was being processed.
 */
public final class SafeDescription {

    private static final int MAX_CAUSES = 8;

    private SafeDescription() {
    }

    public static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < MAX_CAUSES; t = t.getCause()) {
            StackTraceElement[] trace = t.getStackTrace();
            parts.add(trace.length == 0 ? t.getClass().getName() : t.getClass().getName() + " at " + trace[0]);
        }
        return String.join(" <- caused by ", parts);
    }
}
