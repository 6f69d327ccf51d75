package care.enclave.deployment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static care.enclave.deployment.Yamls.at;
import static care.enclave.deployment.Yamls.listAt;
import static care.enclave.deployment.Yamls.maps;
import static care.enclave.deployment.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wiring of manifests/: every namespace denies by default and every pod is let through by a policy
 * of its own, flows are allowed at both ends, Services, the autoscaler and the disruption budgets point
 * at pods and ports that exist.
 */
class NetworkManifestsTest {

    final Manifests manifests = Manifests.load();

    @Test
    void everyNamespaceDeniesAllTrafficByDefault() {
        assertAll(manifests.ofKind("Namespace").stream().map(ns -> () -> assertTrue(
                manifests.ofKind("NetworkPolicy").stream().anyMatch(p -> p.namespace().equals(ns.name()) && isDefaultDeny(p)),
                ns.name() + " has no default-deny NetworkPolicy for ingress and egress")));
    }

    @Test
    void everyPodIsSelectedByAPolicyOfItsOwn() {
        assertAll(manifests.workloads().stream().map(w -> () -> assertTrue(manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> p.namespace().equals(w.namespace()) && !isNamespaceWide(p))
                .anyMatch(p -> selects(p, w)), w + " is covered only by namespace-wide policies")));
    }

    @Test
    void policyPortsAreThePortsTheSelectedPodsListenOn() {
        assertAll(manifests.ofKind("NetworkPolicy").stream().filter(p -> !isNamespaceWide(p)).flatMap(p ->
                maps(listAt(p.spec(), "ingress")).stream().flatMap(rule -> maps(listAt(rule, "ports")).stream()).map(port -> () ->
                        assertTrue(selectedPods(p).stream().anyMatch(w -> w.containerPort(port.get("port")).isPresent()),
                                p + " admits port " + port.get("port") + " that its pods do not open"))));
    }

    @Test
    void everyFlowBetweenOurPodsIsAllowedAtBothEnds() {
        AtomicInteger flows = new AtomicInteger();
        assertAll(manifests.ofKind("NetworkPolicy").stream().filter(p -> !isNamespaceWide(p)).flatMap(p ->
                maps(listAt(p.spec(), "egress")).stream().flatMap(rule -> maps(listAt(rule, "to")).stream().flatMap(peer ->
                        peerPods(p.namespace(), peer).stream().flatMap(target -> maps(listAt(rule, "ports")).stream().map(port -> () -> {
                            flows.incrementAndGet();
                            assertTrue(target.containerPort(port.get("port")).isPresent(), p + " egress to a closed port of " + target);
                            assertTrue(admits(target, selectedPods(p), port.get("port")),
                                    p + " lets traffic out to " + target + " on " + port.get("port") + ", which " + target + " does not let in");
                        }))))));
        assertEquals(3, flows.get(), "platform to Redis, platform to provider, provider to platform");
    }

    @Test
    void servicesSelectPodsAndTargetTheirPorts() {
        assertAll(manifests.ofKind("Service").stream().map(s -> () -> {
            List<K8s> pods = manifests.workloadsSelectedBy(s.namespace(), at(s.spec(), "selector"));
            assertFalse(pods.isEmpty(), s + " selects no pods");
            for (Map<String, Object> port : maps(listAt(s.spec(), "ports"))) {
                assertTrue(pods.stream().allMatch(w -> w.containerPort(port.get("targetPort")).isPresent()),
                        s + " targets port " + port.get("targetPort") + " that its pods do not open");
            }
        }));
    }

    @Test
    void theAutoscalerScalesTheInferenceDeploymentOnCpuItRequests() {
        K8s hpa = manifests.get("HorizontalPodAutoscaler", "diagnostics-provider", "inference");
        assertEquals("autoscaling/v2", string(hpa.body(), "apiVersion"));
        Map<String, Object> target = at(hpa.spec(), "scaleTargetRef");
        assertEquals("Deployment", string(target, "kind"));
        K8s deployment = manifests.get("Deployment", hpa.namespace(), string(target, "name"));
        int min = (Integer) hpa.spec().get("minReplicas");
        assertTrue(min >= 2 && min <= (Integer) hpa.spec().get("maxReplicas"), "at least two replicas, min <= max");
        assertTrue(deployment.containers().stream().allMatch(c -> at(c, "resources", "requests").containsKey("cpu")),
                "CPU utilisation needs CPU requests");
    }

    @Test
    void disruptionBudgetsSelectExistingPods() {
        assertAll(manifests.ofKind("PodDisruptionBudget").stream().map(pdb -> () -> {
            assertEquals("policy/v1", string(pdb.body(), "apiVersion"));
            assertFalse(manifests.workloadsSelectedBy(pdb.namespace(), at(pdb.spec(), "selector", "matchLabels")).isEmpty(),
                    pdb + " selects no pods");
        }));
        assertAll(manifests.workloads().stream().map(w -> () -> assertTrue(manifests.ofKind("PodDisruptionBudget").stream()
                .anyMatch(pdb -> pdb.namespace().equals(w.namespace())
                        && w.podLabels().entrySet().containsAll(at(pdb.spec(), "selector", "matchLabels").entrySet())),
                w + " has no disruption budget")));
    }

    private static boolean isDefaultDeny(K8s policy) {
        return isNamespaceWide(policy) && listAt(policy.spec(), "policyTypes").containsAll(List.of("Ingress", "Egress"))
                && listAt(policy.spec(), "ingress").isEmpty() && listAt(policy.spec(), "egress").isEmpty();
    }

    private static boolean isNamespaceWide(K8s policy) {
        return at(policy.spec(), "podSelector").isEmpty();
    }

    private static boolean selects(K8s policy, K8s workload) {
        return workload.podLabels().entrySet().containsAll(at(policy.spec(), "podSelector", "matchLabels").entrySet());
    }

    private List<K8s> selectedPods(K8s policy) {
        return manifests.workloadsSelectedBy(policy.namespace(), at(policy.spec(), "podSelector", "matchLabels"));
    }

    /** Our pods a rule's peer names: by pod labels, in its own namespace or the one its namespaceSelector names. */
    private List<K8s> peerPods(String policyNamespace, Map<String, Object> peer) {
        Optional<String> namespace = peer.containsKey("namespaceSelector")
                ? Optional.ofNullable((String) at(peer, "namespaceSelector", "matchLabels").get("kubernetes.io/metadata.name"))
                : Optional.of(policyNamespace);
        return namespace.map(ns -> manifests.workloadsSelectedBy(ns, at(peer, "podSelector", "matchLabels"))).orElse(List.of());
    }

    /** Whether some ingress rule of a policy selecting the target lets these sources in on this port. */
    private boolean admits(K8s target, List<K8s> sources, Object port) {
        return manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> p.namespace().equals(target.namespace()) && !isNamespaceWide(p) && selects(p, target))
                .flatMap(p -> maps(listAt(p.spec(), "ingress")).stream().map(rule -> Map.entry(p, rule)))
                .anyMatch(e -> maps(listAt(e.getValue(), "ports")).stream().anyMatch(pt -> pt.get("port").equals(port))
                        && (listAt(e.getValue(), "from").isEmpty() || maps(listAt(e.getValue(), "from")).stream()
                        .anyMatch(peer -> peerPods(e.getKey().namespace(), peer).containsAll(sources))));
    }
}
