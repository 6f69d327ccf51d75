package care.enclave.deployment;

import java.util.List;
import java.util.Map;

/** Typed reads of parsed YAML, failing with the path that was missing rather than a ClassCastException. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new AssertionError("expected a mapping, found " + node);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new AssertionError("expected a sequence, found " + node);
    }

    /** The mapping at a path of keys, or an empty one where the path ends early. */
    static Map<String, Object> at(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            node = node == null ? null : map(node).get(key);
        }
        return node == null ? Map.of() : map(node);
    }

    /** The sequence at a path of keys, or an empty one where the path ends early. */
    static List<Object> listAt(Map<String, Object> root, String... keys) {
        Object node = root;
        for (int i = 0; i < keys.length; i++) {
            node = node == null ? null : map(node).get(keys[i]);
        }
        return node == null ? List.of() : list(node);
    }

    static List<Map<String, Object>> maps(List<Object> nodes) {
        return nodes.stream().map(Yamls::map).toList();
    }

    static String string(Map<String, Object> node, String key) {
        Object value = node.get(key);
        return value == null ? "" : value.toString();
    }
}
