package care.enclave.deployment;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static care.enclave.deployment.Yamls.at;
import static care.enclave.deployment.Yamls.listAt;
import static care.enclave.deployment.Yamls.maps;
import static care.enclave.deployment.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The invariants every workload of manifests/ keeps: probes, requests and limits, pinned images, a
 * non-root locked-down security context, secrets only by reference, and SGX EPC for the enclaves.
 */
class WorkloadManifestsTest {

    /** The MicroProfile Health endpoints each probe kind must use (Liberty's mpHealth, HTTPS port). */
    static final Map<String, String> HEALTH_PATHS = Map.of(
            "startupProbe", "/health/started", "livenessProbe", "/health/live", "readinessProbe", "/health/ready");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|REDIS_URL).*");
    /** An exact version (1.2.3, 17.0.15_6-jre, 7.4.2-alpine) or a digest: never "latest" or a bare major. */
    static final Pattern PINNED_IMAGE = Pattern.compile("[^:@]+(@sha256:[0-9a-f]{64}|:\\d+\\.\\d+\\.\\d+[\\w.-]*)");

    final Manifests manifests = Manifests.load();

    @Test
    void everyObjectIsNamedNamespacedAndListedInTheKustomization() {
        List<String> namespaces = manifests.ofKind("Namespace").stream().map(K8s::name).toList();
        assertEquals(Set.of("enclave-care", "diagnostics-provider"), Set.copyOf(namespaces));
        assertAll(manifests.all().stream().map(o -> () -> {
            assertFalse(string(o.body(), "apiVersion").isEmpty(), o + " has no apiVersion");
            assertFalse(o.name().isEmpty(), o + " has no name");
            if (!o.kind().equals("Namespace")) {
                assertTrue(namespaces.contains(o.namespace()), o + " is not in one of the manifests' namespaces");
            }
        }));
        List<Object> listed = listAt(Yamls.map(Manifests.parse(Manifests.DIR.resolve("kustomization.yaml")).get(0)), "resources");
        Set<String> files = Set.copyOf(Manifests.yamlFiles().stream().map(f -> Manifests.DIR.relativize(f).toString())
                .filter(f -> !f.equals("kustomization.yaml")).toList());
        assertEquals(files, Set.copyOf(listed.stream().map(Object::toString).toList()), "kustomization.yaml resources");
    }

    @Test
    void theManifestsDeployThePlatformRedisAndTheProvider() {
        assertEquals(1, (Integer) manifests.get("Deployment", "enclave-care", "enclave-care-platform").spec().get("replicas"));
        assertEquals("Recreate", string(at(manifests.get("Deployment", "enclave-care", "enclave-care-platform").spec(), "strategy"), "type"));
        assertFalse(listAt(manifests.get("StatefulSet", "enclave-care", "enclave-care-redis").spec(), "volumeClaimTemplates").isEmpty(),
                "Redis persists to a volume claim");
        manifests.get("Deployment", "diagnostics-provider", "inference");
    }

    @Test
    void everyContainerHasLivenessAndReadinessProbesAndLibertyAStartupProbe() {
        assertAll(containers().map(c -> () -> {
            assertTrue(c.container().containsKey("livenessProbe"), c + " has no liveness probe");
            assertTrue(c.container().containsKey("readinessProbe"), c + " has no readiness probe");
            if (c.isLiberty()) {
                assertTrue(c.container().containsKey("startupProbe"), c + " has no startup probe");
            }
        }));
    }

    @Test
    void libertyProbesAskTheMatchingHealthEndpointOverHttpsOnAContainerPort() {
        assertAll(containers().filter(ContainerRef::isLiberty).flatMap(c -> HEALTH_PATHS.entrySet().stream().map(probe -> () -> {
            Map<String, Object> get = at(c.container(), probe.getKey(), "httpGet");
            assertEquals(probe.getValue(), string(get, "path"), c + " " + probe.getKey());
            assertEquals("HTTPS", string(get, "scheme"), c + " " + probe.getKey() + " scheme");
            assertTrue(c.workload().containerPort(get.get("port")).isPresent(), c + " " + probe.getKey() + " port");
        })));
    }

    @Test
    void everyContainerRequestsAndLimitsCpuAndMemory() {
        assertAll(containers().map(c -> () -> {
            for (String bound : List.of("requests", "limits")) {
                Map<String, Object> resources = at(c.container(), "resources", bound);
                assertTrue(resources.containsKey("cpu") && resources.containsKey("memory"), c + " " + bound);
            }
        }));
    }

    @Test
    void everyImageIsPinnedToAnExactVersionOrDigest() {
        assertAll(containers().map(c -> () -> {
            String image = string(c.container(), "image");
            assertTrue(PINNED_IMAGE.matcher(image).matches(), c + " image " + image + " is not pinned");
            assertFalse(image.endsWith(":latest") || image.contains("SNAPSHOT"), c + " image " + image);
        }));
    }

    @Test
    void podsRunAsNonRootWithoutPrivilegesTokensOrWritableRoot() {
        assertAll(manifests.workloads().stream().map(w -> () -> {
            Map<String, Object> pod = at(w.podSpec(), "securityContext");
            assertEquals(true, pod.get("runAsNonRoot"), w + " runAsNonRoot");
            assertTrue(((Integer) pod.get("runAsUser")) > 0, w + " runAsUser");
            assertEquals("RuntimeDefault", string(at(pod, "seccompProfile"), "type"), w + " seccomp");
            assertEquals(false, w.podSpec().get("automountServiceAccountToken"), w + " mounts an API token");
            assertFalse(Boolean.TRUE.equals(w.podSpec().get("hostNetwork")) || Boolean.TRUE.equals(w.podSpec().get("hostPID")), w + " host namespaces");
        }));
        assertAll(containers().map(c -> () -> {
            Map<String, Object> security = at(c.container(), "securityContext");
            assertEquals(true, security.get("runAsNonRoot"), c + " runAsNonRoot");
            assertEquals(false, security.get("allowPrivilegeEscalation"), c + " allowPrivilegeEscalation");
            assertEquals(true, security.get("readOnlyRootFilesystem"), c + " readOnlyRootFilesystem");
            assertFalse(Boolean.TRUE.equals(security.get("privileged")), c + " privileged");
            assertEquals(List.of("ALL"), listAt(security, "capabilities", "drop"), c + " capabilities");
            assertTrue(listAt(security, "capabilities", "add").isEmpty(), c + " adds capabilities");
        }));
    }

    @Test
    void secretsAreOnlyReferencedNeverWrittenIntoTheManifests() {
        assertTrue(manifests.ofKind("Secret").isEmpty(), "Secrets are created by the operator (README), never committed");
        assertAll(containers().flatMap(c -> maps(listAt(c.container(), "env")).stream().map(env -> () -> {
            String name = string(env, "name");
            if (SECRET_NAME.matcher(name).matches()) {
                assertFalse(env.containsKey("value"), c + " sets " + name + " in clear");
                assertTrue(at(env, "valueFrom").containsKey("secretKeyRef"), c + " takes " + name + " from elsewhere than a Secret");
            }
        })));
        assertAll(manifests.ofKind("ConfigMap").stream().flatMap(m -> at(m.body(), "data").values().stream().map(v -> () ->
                assertFalse(v.toString().matches("(?s).*(PRIVATE KEY|requirepass|masterauth|>\\S).*"), m + " holds a secret"))));
    }

    @Test
    void theRedisAclExampleHoldsOnlyPasswordHashesAndDisablesTheDefaultUser() throws Exception {
        List<String> users = java.nio.file.Files.readAllLines(Manifests.DIR.resolve("enclave-care/users.acl.example"))
                .stream().filter(l -> l.startsWith("user ")).toList();
        assertTrue(users.contains("user default off"), "the default user is off");
        assertAll(users.stream().filter(u -> !u.equals("user default off")).map(u -> () -> {
            assertTrue(u.matches("user \\S+ on #<[^>]+> resetkeys .*"), "hashed password placeholder only: " + u);
            assertFalse(u.matches(".*(\\s>|nopass|allkeys|\\+@all|~\\*).*"), "clear password or unlimited rights: " + u);
        }));
    }

    @Test
    void enclavesRunOnSgxNodesWithEpcMatchingTheirEnclaveSize() {
        List<ContainerRef> enclaves = containers().filter(ContainerRef::isEnclave).toList();
        assertEquals(2, enclaves.size(), "the platform and the provider run in enclaves");
        assertAll(enclaves.stream().map(c -> () -> {
            Object requested = at(c.container(), "resources", "requests").get("sgx.intel.com/epc");
            assertEquals(requested, at(c.container(), "resources", "limits").get("sgx.intel.com/epc"), c + " EPC request = limit");
            String enclaveSize = GramineTemplates.render(c.gramineTemplate()).getString("sgx.enclave_size");
            assertEquals(enclaveSize.replace("G", "Gi").replace("M", "Mi"), requested, c + " EPC = sgx.enclave_size");
            assertEquals("true", string(at(c.workload().podSpec(), "nodeSelector"), "enclave-care.io/sgx"), c + " node selector");
            assertTrue(maps(listAt(c.workload().podSpec(), "tolerations")).stream()
                    .anyMatch(t -> string(t, "key").equals("enclave-care.io/sgx")), c + " tolerates the SGX taint");
            assertTrue(maps(listAt(c.workload().podSpec(), "volumes")).stream()
                    .anyMatch(v -> string(at(v, "hostPath"), "path").equals("/var/run/aesmd")), c + " reaches aesmd for quotes");
        }));
    }

    @Test
    void enclavesGetOnlyTheEnvironmentTheirGramineManifestPassesThrough() {
        assertAll(containers().filter(ContainerRef::isEnclave).map(c -> () -> {
            Set<String> passthrough = GramineTemplates.passthrough(GramineTemplates.render(c.gramineTemplate()));
            for (Map<String, Object> env : maps(listAt(c.container(), "env"))) {
                assertTrue(passthrough.contains(string(env, "name")),
                        c + " sets " + string(env, "name") + ", which the enclave would never see");
            }
        }));
    }

    @Test
    void enclaveVolumesAreMountedWhereTheGramineManifestExpectsThem() {
        assertAll(containers().filter(ContainerRef::isEnclave).map(c -> () -> {
            List<String> mounts = maps(listAt(c.container(), "volumeMounts")).stream().map(m -> string(m, "mountPath")).toList();
            var manifest = GramineTemplates.render(c.gramineTemplate());
            for (String encrypted : GramineTemplates.mountPaths(manifest, "encrypted")) {
                assertTrue(mounts.contains(encrypted), c + " mounts no volume at the encrypted path " + encrypted);
            }
            for (String allowed : GramineTemplates.allowedFiles(manifest)) {
                if (allowed.startsWith("/etc/enclave-care/")) {
                    assertTrue(mounts.stream().anyMatch(m -> allowed.startsWith(m + "/")), c + " mounts nothing for " + allowed);
                }
            }
        }));
    }

    private java.util.stream.Stream<ContainerRef> containers() {
        return manifests.workloads().stream().flatMap(w -> w.containers().stream().map(c -> new ContainerRef(w, c)));
    }

    /** A container with the workload it belongs to. */
    record ContainerRef(K8s workload, Map<String, Object> container) {

        boolean isLiberty() {
            return string(container, "image").contains("/enclave-care/");
        }

        boolean isEnclave() {
            return string(container, "image").matches(".*/enclave-care/[a-z]+-sgx[:@].*");
        }

        /** platform-sgx runs manifests/gramine/platform.manifest.template, inference-sgx the inference one. */
        Path gramineTemplate() {
            String image = string(container, "image");
            String server = image.replaceAll(".*/enclave-care/([a-z]+)-sgx[:@].*", "$1");
            if (server.equals(image)) {
                fail(this + " is not an enclave image");
            }
            return Manifests.DIR.resolve("gramine/" + server + ".manifest.template");
        }

        @Override
        public String toString() {
            return workload + " container " + string(container, "name");
        }
    }
}
