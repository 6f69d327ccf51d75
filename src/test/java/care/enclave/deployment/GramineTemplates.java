package care.enclave.deployment;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Gramine manifest templates rendered as gramine-manifest would render them in the Dockerfile (with
 * the values of a Gramine 1.8 image on x86-64 and example deployment values) and parsed as TOML.
 */
final class GramineTemplates {

    static final Path PLATFORM = Manifests.DIR.resolve("gramine/platform.manifest.template");
    static final Path INFERENCE = Manifests.DIR.resolve("gramine/inference.manifest.template");
    static final String PROVIDER_MRENCLAVE = "9f3c1a5e".repeat(8);
    static final String ISSUER = "https://enclave-care-platform.enclave-care.svc.cluster.local:9443";
    /** Only these template expressions exist: the Dockerfile passes every -D one. */
    static final Map<String, String> VARIABLES = Map.of(
            "gramine.libos", "/usr/lib/x86_64-linux-gnu/gramine/libsysdb.so",
            "gramine.runtimedir()", "/usr/lib/x86_64-linux-gnu/gramine/runtime/glibc",
            "arch_libdir", "/lib/x86_64-linux-gnu",
            "provider_mrenclave", PROVIDER_MRENCLAVE,
            "attestation_issuer", ISSUER,
            "key_vault_url", ISSUER);
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");

    private GramineTemplates() {
    }

    static TomlParseResult render(Path template) {
        String text = read(template);
        if (text.contains("{%") || text.contains("{#")) {
            throw new AssertionError(template + ": only {{ variable }} expressions are expected");
        }
        Matcher expression = EXPRESSION.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (expression.find()) {
            String value = VARIABLES.get(expression.group(1));
            if (value == null) {
                throw new AssertionError(template + ": unknown template variable " + expression.group(1));
            }
            expression.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        expression.appendTail(rendered);
        TomlParseResult toml = Toml.parse(rendered.toString());
        if (toml.hasErrors()) {
            throw new AssertionError(template + " is not valid TOML: " + toml.errors());
        }
        return toml;
    }

    /** The variables the template uses (so a test can tell which deployment values it depends on). */
    static Set<String> variables(Path template) {
        Set<String> names = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(read(template));
        while (expression.find()) {
            names.add(expression.group(1));
        }
        return names;
    }

    /** loader.env, each variable to its fixed value, or to null where it passes through from the host. */
    static Map<String, String> environment(TomlTable manifest) {
        TomlTable env = manifest.getTableOrEmpty("loader.env");
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : env.keySet()) {
            if (env.isTable(List.of(name))) {
                TomlTable entry = env.getTable(List.of(name));
                values.put(name, Boolean.TRUE.equals(entry.getBoolean("passthrough")) ? null : entry.getString("value"));
            } else {
                values.put(name, env.getString(List.of(name)));
            }
        }
        return values;
    }

    static Set<String> passthrough(TomlTable manifest) {
        Set<String> names = new TreeSet<>();
        environment(manifest).forEach((name, value) -> {
            if (value == null) {
                names.add(name);
            }
        });
        return names;
    }

    static List<String> argv(TomlTable manifest) {
        return strings(manifest.getArrayOrEmpty("loader.argv"));
    }

    /** The JVM's -D system properties of loader.argv. */
    static Map<String, String> systemProperties(TomlTable manifest) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : argv(manifest)) {
            if (argument.startsWith("-D")) {
                int equals = argument.indexOf('=');
                properties.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        return properties;
    }

    static List<TomlTable> mounts(TomlTable manifest) {
        TomlArray mounts = manifest.getArrayOrEmpty("fs.mounts");
        return IntStream.range(0, mounts.size()).mapToObj(mounts::getTable).toList();
    }

    /** The paths of the mounts of one type ("chroot" when a mount names none). */
    static List<String> mountPaths(TomlTable manifest, String type) {
        return mounts(manifest).stream().filter(m -> m.getString("type", () -> "chroot").equals(type))
                .map(m -> m.getString("path")).toList();
    }

    static List<String> trustedFiles(TomlTable manifest) {
        return paths(manifest.getArrayOrEmpty("sgx.trusted_files"));
    }

    static List<String> allowedFiles(TomlTable manifest) {
        return paths(manifest.getArrayOrEmpty("sgx.allowed_files"));
    }

    /** Whether a path is a listed file or lies under a listed directory ("file:/dir/"). */
    static boolean covers(List<String> listed, String path) {
        return listed.stream().anyMatch(l -> l.equals(path) || l.endsWith("/") && path.startsWith(l));
    }

    private static List<String> paths(TomlArray uris) {
        return strings(uris).stream().map(uri -> {
            if (!uri.startsWith("file:")) {
                throw new AssertionError("not a file: URI: " + uri);
            }
            return uri.substring("file:".length());
        }).toList();
    }

    private static List<String> strings(TomlArray array) {
        return IntStream.range(0, array.size()).mapToObj(array::getString).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
