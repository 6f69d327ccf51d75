package it.care.enclave;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every REST endpoint the product serves, read from its JAX-RS resources (so a new endpoint is fuzzed
 * without anyone listing it), and which server serves it: the provider's WAR holds only the inference
 * module (and the platform), the platform's WAR everything.
 */
final class Endpoints {

    enum Server { PLATFORM, PROVIDER }

    /** One resource method: {@code template} is the path without a leading slash, e.g. {@code patient/{id}}. */
    record Endpoint(Server server, String method, String template) {
        String key() {
            return method + " " + template;
        }

        @Override
        public String toString() {
            return server + " " + key();
        }
    }

    private Endpoints() {
    }

    static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("care.enclave")) {
            if (resource.isAnnotatedWith(Path.class) && !resource.isInterface()) {
                addMethods(resource.reflect(), endpoints);
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private static void addMethods(Class<?> resource, List<Endpoint> endpoints) {
        String base = resource.getAnnotation(Path.class).value();
        boolean inference = resource.getPackageName().startsWith("care.enclave.inference");
        for (Method method : resource.getMethods()) {
            String verb = httpMethod(method);
            if (verb == null) {
                continue;
            }
            Path path = method.getAnnotation(Path.class);
            String template = join(base, path == null ? "" : path.value());
            endpoints.add(new Endpoint(Server.PLATFORM, verb, template));
            if (inference) {
                endpoints.add(new Endpoint(Server.PROVIDER, verb, template));
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String base, String path) {
        String joined = (strip(base) + "/" + strip(path));
        return strip(joined.replaceAll("/+", "/"));
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
