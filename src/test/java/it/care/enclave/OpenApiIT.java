package it.care.enclave;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published API document (/openapi) against the code: every REST resource method of the platform WAR is
 * there, with the security scheme its roles need (or explicitly none when public) and problem+json answers;
 * the UI is served.
 */
class OpenApiIT {

    /** Partners present a partner JWT or, as attested partner enclaves, an attestation token with its DPoP proof. */
    static final Map<String, Set<String>> SCHEMES_OF_ROLE = Map.of("clerk", Set.of("staffBasic"),
            "operator", Set.of("staffBasic"), "auditor", Set.of("staffBasic"),
            "partner", Set.of("partnerJwt", "enclaveAttestation", "dpopProof"),
            "enclave", Set.of("enclaveAttestation", "dpopProof"));
    static JsonObject document;

    /** A resource method: HTTP method, full path, and the roles it allows (empty when public). */
    record Endpoint(String method, String path, List<String> roles) {
    }

    @BeforeAll
    static void fetch() {
        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(ItServer.https("/openapi"))
                .header("Accept", "application/json").build());
        assertEquals(200, response.statusCode());
        document = json(response);
    }

    static List<Endpoint> endpoints() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<Endpoint> endpoints = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("care/enclave"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                endpoints.addAll(endpointsOf(load(name)));
            }
        }
        return endpoints;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiIT.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Endpoint> endpointsOf(Class<?> type) {
        if (type.isInterface() || !type.isAnnotationPresent(Path.class)) {
            return List.of();
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            String verb = verb(method);
            boolean hidden = method.isAnnotationPresent(org.eclipse.microprofile.openapi.annotations.Operation.class)
                    && method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class).hidden();
            if (verb != null && !hidden) {
                String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
                String path = ("/" + type.getAnnotation(Path.class).value() + "/" + sub).replaceAll("/+", "/");
                path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                endpoints.add(new Endpoint(verb, path, roles(method, type)));
            }
        }
        return endpoints;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName().toLowerCase();
            }
        }
        return null;
    }

    private static List<String> roles(Method method, Class<?> type) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return List.of();
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                : type.getAnnotation(RolesAllowed.class);
        return allowed == null ? List.of() : List.of(allowed.value());
    }

    private static JsonObject response(JsonObject response) {
        if (response.containsKey("$ref")) {
            String name = response.getString("$ref").replace("#/components/responses/", "");
            return document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
        }
        return response;
    }

    @Test
    void everyResourceMethodIsDocumentedWithItsSecurityAndProblemAnswers() throws IOException {
        List<Endpoint> endpoints = endpoints();
        assertTrue(endpoints.size() >= 15, "found the resources: " + endpoints);

        for (Endpoint endpoint : endpoints) {
            JsonObject path = document.getJsonObject("paths").getJsonObject(endpoint.path());
            assertTrue(path != null && path.containsKey(endpoint.method()), "undocumented: " + endpoint);
            JsonObject operation = path.getJsonObject(endpoint.method());
            assertFalse(operation.getString("summary", "").isBlank(), "no summary: " + endpoint);

            Set<String> schemes = operation.getJsonArray("security") == null ? Set.of()
                    : operation.getJsonArray("security").getValuesAs(JsonObject.class).stream()
                    .flatMap(requirement -> requirement.keySet().stream()).collect(Collectors.toSet());
            Set<String> expected = endpoint.roles().stream().flatMap(role -> SCHEMES_OF_ROLE.get(role).stream())
                    .collect(Collectors.toSet());
            assertEquals(expected, schemes, "security of " + endpoint);
            if (endpoint.roles().isEmpty()) {
                assertEquals(JsonValue.EMPTY_JSON_ARRAY, operation.getJsonArray("security"), "explicitly public: " + endpoint);
            }

            boolean problems = operation.getJsonObject("responses").values().stream()
                    .map(r -> response(r.asJsonObject()))
                    .anyMatch(r -> r.containsKey("content") && r.getJsonObject("content").containsKey("application/problem+json"));
            assertTrue(problems, "no problem+json response: " + endpoint);
        }
    }

    @Test
    void theSecuritySchemesAndProblemSchemaAreDefined() {
        JsonObject components = document.getJsonObject("components");

        assertEquals(Set.of("staffBasic", "partnerJwt", "enclaveAttestation", "dpopProof"),
                components.getJsonObject("securitySchemes").keySet());
        assertTrue(components.getJsonObject("schemas").containsKey("Problem"));
        assertEquals("Enclave Care", document.getJsonObject("info").getString("title"));
    }

    @Test
    void theUiIsServed() {
        HttpResponse<String> ui = Http.get("/openapi/ui/", null);

        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().toLowerCase().contains("<html"));
    }
}
