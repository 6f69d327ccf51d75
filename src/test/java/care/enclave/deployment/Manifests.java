package care.enclave.deployment;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every Kubernetes object under {@code manifests/}, parsed the way kubectl reads them (YAML, many per file). */
public final class Manifests {

    public static final Path DIR = Path.of("manifests");

    private final List<K8s> objects;

    private Manifests(List<K8s> objects) {
        this.objects = objects;
    }

    public static Manifests load() {
        List<K8s> objects = new ArrayList<>();
        for (Path file : yamlFiles()) {
            for (Object document : parse(file)) {
                if (document != null) {
                    objects.add(new K8s(DIR.relativize(file), Yamls.map(document)));
                }
            }
        }
        return new Manifests(objects);
    }

    /** The YAML files, the kustomization among them. */
    public static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Safe loading: plain maps, lists and scalars, no arbitrary types. */
    public static List<Object> parse(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Object> documents = new ArrayList<>();
            yaml.loadAll(reader).forEach(documents::add);
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<K8s> all() {
        return objects.stream().filter(o -> !o.kind().equals("Kustomization")).toList();
    }

    public List<K8s> ofKind(String kind) {
        return all().stream().filter(o -> o.kind().equals(kind)).toList();
    }

    public Optional<K8s> find(String kind, String namespace, String name) {
        return ofKind(kind).stream().filter(o -> o.namespace().equals(namespace) && o.name().equals(name)).findFirst();
    }

    public K8s get(String kind, String namespace, String name) {
        return find(kind, namespace, name).orElseThrow(() -> new AssertionError("no " + kind + " " + namespace + "/" + name));
    }

    /** Deployments and StatefulSets: everything that runs pods. */
    public List<K8s> workloads() {
        return all().stream().filter(K8s::isWorkload).toList();
    }

    /** The workloads whose pods carry all of these labels, in this namespace. */
    public List<K8s> workloadsSelectedBy(String namespace, Map<String, Object> matchLabels) {
        return workloads().stream()
                .filter(w -> w.namespace().equals(namespace) && w.podLabels().entrySet().containsAll(matchLabels.entrySet()))
                .toList();
    }
}
