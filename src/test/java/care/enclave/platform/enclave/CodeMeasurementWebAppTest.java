package care.enclave.platform.enclave;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The deployed code measured is every class-path resource and every library jar, and nothing else. */
class CodeMeasurementWebAppTest {

    private static final Map<String, byte[]> CODE = Map.of(
            "/WEB-INF/classes/care/enclave/A.class", new byte[]{1},
            "/WEB-INF/classes/care/enclave/deep/B.class", new byte[]{2},
            "/WEB-INF/classes/META-INF/microprofile-config.properties", new byte[]{3},
            "/WEB-INF/lib/jose4j.jar", new byte[]{4});
    private static final Map<String, byte[]> NOT_CODE = Map.of(
            "/index.html", new byte[]{5},
            "/WEB-INF/web.xml", new byte[]{6},
            "/WEB-INF/lib/README.txt", new byte[]{7});

    @Test
    void measuresClassesRecursivelyAndLibraryJarsOnly() {
        Map<String, byte[]> all = new TreeMap<>(CODE);
        all.putAll(NOT_CODE);

        byte[] measured = WebAppMeasurement.measureWebApp(servletContext(all, all));

        assertArrayEquals(CodeMeasurement.measure(new TreeMap<>(CODE)), measured);
    }

    @Test
    void aListedResourceThatCannotBeReadFailsClosed() {
        SortedMap<String, byte[]> readable = new TreeMap<>(CODE);
        readable.remove("/WEB-INF/lib/jose4j.jar");

        assertThrows(EvidenceException.class, () -> WebAppMeasurement.measureWebApp(servletContext(CODE, readable)));
    }

    @Test
    void anApplicationWithoutCodeIsRefused() {
        assertThrows(EvidenceException.class, () -> WebAppMeasurement.measureWebApp(servletContext(NOT_CODE, NOT_CODE)));
    }

    /** A web container's view of {@code listed}: directories end in '/', as getResourcePaths returns them. */
    private static ServletContext servletContext(Map<String, byte[]> listed, Map<String, byte[]> readable) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[]{ServletContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getResourcePaths":
                            return children(listed, (String) args[0]);
                        case "getResourceAsStream":
                            byte[] content = readable.get((String) args[0]);
                            return content == null ? null : new ByteArrayInputStream(content);
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static Set<String> children(Map<String, byte[]> listed, String directory) {
        Set<String> children = listed.keySet().stream().filter(path -> path.startsWith(directory))
                .map(path -> {
                    int slash = path.indexOf('/', directory.length());
                    return slash < 0 ? path : path.substring(0, slash + 1);
                })
                .collect(Collectors.toSet());
        return children.isEmpty() ? null : children;
    }
}
