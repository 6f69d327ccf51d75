package care.enclave.platform.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Set;

/**
 * Request durations per route template, in place of Liberty's HTTP metrics (switched off in server.xml):
 * those label a request that no servlet route matched with its raw path, so anyone could mint series by
 * inventing URLs under {@code /openapi/}. Here the label is always a template from the program's own
 * {@code @Path} annotations, or {@link #UNMATCHED}; the method is an allow-list.
 */
@Provider
@PreMatching
@Priority(1)
public class RouteMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    static final String UNMATCHED = "unmatched";

    private static final String STARTED = RouteMetrics.class.getName() + ".started";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    @Inject
    AppMetrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
        metrics.timeRoute(Duration.ofNanos(System.nanoTime() - start), route(resource), method, response.getStatus());
    }

    /** The matched resource's template ({@code /patient/{id}}), or {@link #UNMATCHED} when none matched. */
    static String route(ResourceInfo resource) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return UNMATCHED;
        }
        Path typePath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String route = "/" + (typePath == null ? "" : typePath.value()) + "/" + (methodPath == null ? "" : methodPath.value());
        route = route.replaceAll("/{2,}", "/");
        return route.length() > 1 && route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
    }
}
