package bench.care.enclave;

import java.nio.file.Path;
import java.util.List;

/**
 * One HTTP scenario: a request shape (see src/bench/wrk/scenario.lua for {@code mode}), the status every
 * answer should have, the connection counts it runs at, and what it adds over the scenario before it.
 */
record Scenario(String name, String description, String method, String target, String mode, int count,
                Path body, String contentType, boolean authenticated, int expectedStatus, List<Integer> connections) {

    static Scenario get(String name, String description, String target, boolean authenticated, int expected) {
        return new Scenario(name, description, "GET", target, "fixed", 1, null, null, authenticated, expected,
                List.of(1, 8, 64));
    }

    Scenario withMode(String newMode, int newCount) {
        return new Scenario(name, description, method, target, newMode, newCount, body, contentType, authenticated,
                expectedStatus, connections);
    }

    Scenario posting(Path newBody, String newContentType) {
        return new Scenario(name, description, "POST", target, mode, count, newBody, newContentType, authenticated,
                expectedStatus, connections);
    }

    Scenario at(List<Integer> newConnections) {
        return new Scenario(name, description, method, target, mode, count, body, contentType, authenticated,
                expectedStatus, newConnections);
    }
}
