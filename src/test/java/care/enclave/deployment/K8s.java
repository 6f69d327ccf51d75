package care.enclave.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static care.enclave.deployment.Yamls.at;
import static care.enclave.deployment.Yamls.listAt;
import static care.enclave.deployment.Yamls.maps;
import static care.enclave.deployment.Yamls.string;

/** One Kubernetes object from a manifest file, with the reads the deployment checks need. */
public record K8s(Path file, Map<String, Object> body) {

    public String kind() {
        return string(body, "kind");
    }

    public String name() {
        return string(at(body, "metadata"), "name");
    }

    public String namespace() {
        return string(at(body, "metadata"), "namespace");
    }

    public Map<String, Object> spec() {
        return at(body, "spec");
    }

    public boolean isWorkload() {
        return kind().equals("Deployment") || kind().equals("StatefulSet");
    }

    public Map<String, Object> podSpec() {
        return at(body, "spec", "template", "spec");
    }

    public Map<String, Object> podLabels() {
        return at(body, "spec", "template", "metadata", "labels");
    }

    public List<Map<String, Object>> containers() {
        return maps(listAt(podSpec(), "containers"));
    }

    /** A container's ports by name, and by number as text. */
    public Optional<Integer> containerPort(Object nameOrNumber) {
        return containers().stream().flatMap(c -> maps(listAt(c, "ports")).stream())
                .filter(p -> Objects.equals(p.get("name"), nameOrNumber)
                        || Objects.equals(String.valueOf(p.get("containerPort")), String.valueOf(nameOrNumber)))
                .map(p -> (Integer) p.get("containerPort"))
                .findFirst();
    }

    @Override
    public String toString() {
        return kind() + " " + namespace() + "/" + name() + " (" + file + ")";
    }
}
