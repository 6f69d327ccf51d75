package care.enclave.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The modules' application metrics (MicroProfile Metrics, scope {@code application}, published on
 * {@code /metrics}). Tag values are checked against a closed alphabet, and callers pass only enum names and
 * model names: never ids, paths or anything from a request. Outside the container ({@link #none()}: unit
 * tests, tools) nothing is recorded.
 */
@ApplicationScoped
public class AppMetrics {

    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern ROUTE = Pattern.compile("[A-Za-z0-9_./{}-]{1,128}");

    @Inject
    MetricRegistry registry;

    public static AppMetrics none() {
        return new AppMetrics();
    }

    public void increment(String name, String description, String... tags) {
        if (registry != null) {
            registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags(tags)).inc();
        }
    }

    public void time(String name, String description, Duration elapsed, String... tags) {
        if (registry != null) {
            registry.timer(Metadata.builder().withName(name).withDescription(description)
                    .withUnit(MetricUnits.SECONDS).build(), tags(tags)).update(elapsed);
        }
    }

    /**
     * One request's duration under its route template. The template comes from the program's {@code @Path}
     * annotations ({@link RouteMetrics}), which is why it may hold {@code /} and braces, unlike other tags.
     */
    void timeRoute(Duration elapsed, String route, String method, int status) {
        if (registry != null) {
            registry.timer(Metadata.builder().withName("http_server_request_duration")
                    .withDescription("Request duration per route template, method and status")
                    .withUnit(MetricUnits.SECONDS).build(),
                    new Tag("http_route", ROUTE.matcher(route).matches() ? route : RouteMetrics.UNMATCHED),
                    tags("http_request_method", method)[0],
                    new Tag("http_response_status_code", Integer.toString(status))).update(elapsed);
        }
    }

    public void gauge(String name, String description, Supplier<Integer> value) {
        if (registry != null) {
            registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value);
        }
    }

    /** Pairs of name, value; a value outside the alphabet becomes {@code other} rather than reaching a label. */
    static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            String value = pairs[2 * i + 1];
            tags[i] = new Tag(pairs[2 * i], value != null && TAG_VALUE.matcher(value).matches() ? value : "other");
        }
        return tags;
    }
}
