package it.care.enclave;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds any of many strings in a text in one pass (Aho-Corasick), so the leak scan can look for tens of
 * thousands of ids and values in megabytes of logs and Redis contents in seconds.
 */
final class Needles {

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Node fail;
        String match;
        Node output;
    }

    private final Node root = new Node();
    private final int count;

    Needles(Collection<String> needles) {
        Set<String> distinct = new TreeSet<>(needles);
        for (String needle : distinct) {
            Node node = root;
            for (char c : needle.toCharArray()) {
                node = node.next.computeIfAbsent(c, k -> new Node());
            }
            node.match = needle;
        }
        count = distinct.size();
        link();
    }

    int count() {
        return count;
    }

    /** Every needle that occurs in {@code text}. */
    Set<String> findIn(CharSequence text) {
        Set<String> found = new TreeSet<>();
        Node node = root;
        for (int i = 0; i < text.length(); i++) {
            node = step(node, text.charAt(i));
            for (Node out = node.match != null ? node : node.output; out != null; out = out.output) {
                found.add(out.match);
            }
        }
        return found;
    }

    private Node step(Node node, char c) {
        Node at = node;
        while (at != root && !at.next.containsKey(c)) {
            at = at.fail;
        }
        return at.next.getOrDefault(c, root);
    }

    private void link() {
        Queue<Node> queue = new ArrayDeque<>();
        for (Node child : root.next.values()) {
            child.fail = root;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.remove();
            for (Map.Entry<Character, Node> edge : node.next.entrySet()) {
                Node child = edge.getValue();
                child.fail = step(node.fail, edge.getKey());
                child.output = child.fail.match != null ? child.fail : child.fail.output;
                queue.add(child);
            }
        }
    }
}
