package care.enclave.platform.enclave;


import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The simulated enclave's MRENCLAVE for this deployment: {@link CodeMeasurement} over every resource under
 * {@code /WEB-INF/classes/} and every {@code /WEB-INF/lib/*.jar}. It sits in the boundary because it reads
 * the web container; control code stays free of servlet types.
 */
public final class WebAppMeasurement {

    private static final String CLASSES = "/WEB-INF/classes/";
    private static final String LIB = "/WEB-INF/lib/";

    private WebAppMeasurement() {
    }

    public static byte[] measureWebApp(ServletContext context) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        collect(context, CLASSES, files);
        for (String path : paths(context, LIB)) {
            if (path.endsWith(".jar")) {
                files.put(path, read(context, path));
            }
        }
        if (files.isEmpty()) {
            throw new EvidenceException("no application code found to measure");
        }
        return CodeMeasurement.measure(files);
    }

    /**
     * The same measurement from a WAR file, before it is deployed: what an operator pins as the expected
     * MRENCLAVE of a build (the simulated enclave measures exactly these entries once deployed).
     */
    public static byte[] measureWar(java.nio.file.Path war) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(war.toFile())) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String path = "/" + entry.getName();
                boolean code = !entry.isDirectory() && (path.startsWith(CLASSES)
                        || path.startsWith(LIB) && path.endsWith(".jar") && path.indexOf('/', LIB.length()) < 0);
                if (code) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        files.put(path, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new EvidenceException("the WAR cannot be read to measure it");
        }
        if (files.isEmpty()) {
            throw new EvidenceException("no application code found to measure");
        }
        return CodeMeasurement.measure(files);
    }

    private static void collect(ServletContext context, String directory, SortedMap<String, byte[]> files) {
        for (String path : paths(context, directory)) {
            if (path.endsWith("/")) {
                collect(context, path, files);
            } else {
                files.put(path, read(context, path));
            }
        }
    }

    private static Set<String> paths(ServletContext context, String directory) {
        Set<String> paths = context.getResourcePaths(directory);
        return paths == null ? Set.of() : paths;
    }

    private static byte[] read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            if (in == null) {
                throw new EvidenceException("a deployed code resource is listed but not readable");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EvidenceException("a deployed code resource is listed but not readable");
        }
    }
}
