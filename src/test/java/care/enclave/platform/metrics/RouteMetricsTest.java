package care.enclave.platform.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The route label is a template from annotations, or one fixed value: never anything from the request. */
class RouteMetricsTest {

    @Path("patient")
    static class Resource {
        @GET
        @Path("{id}/delineations")
        public String list() {
            return "";
        }

        @GET
        public String root() {
            return "";
        }
    }

    @Test
    void theLabelIsTheTemplateOfClassAndMethod() throws Exception {
        assertEquals("/patient/{id}/delineations", RouteMetrics.route(info(Resource.class.getMethod("list"))));
        assertEquals("/patient", RouteMetrics.route(info(Resource.class.getMethod("root"))));
    }

    @Test
    void aRequestThatMatchedNoResourceIsUnmatched() {
        assertEquals("unmatched", RouteMetrics.route(info(null)));
        assertEquals("unmatched", RouteMetrics.route(null));
    }

    private static ResourceInfo info(Method method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return method == null ? null : method.getDeclaringClass();
            }
        };
    }
}
