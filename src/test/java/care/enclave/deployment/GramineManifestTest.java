package care.enclave.deployment;

import org.junit.jupiter.api.Test;
import org.tomlj.TomlParseResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static care.enclave.deployment.GramineTemplates.INFERENCE;
import static care.enclave.deployment.GramineTemplates.PLATFORM;
import static care.enclave.deployment.GramineTemplates.covers;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Gramine manifests of both enclaves, rendered and parsed as TOML: production SGX (DCAP attestation,
 * no debug, no insecure option), a fixed command line, a host environment that cannot carry code or
 * secrets in, encrypted storage for what the enclave keeps, and trusted (measured) files for everything
 * it runs, the WAR and server.xml among them.
 */
class GramineManifestTest {

    static final String LIBERTY_SERVER = "/opt/ol/wlp/usr/servers/defaultServer/";
    /** Variables that load code or options into a JVM, Liberty or the dynamic linker. */
    static final Pattern CODE_CARRYING = Pattern.compile(
            "JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|_JAVA_OPTIONS|JAVA_OPTS|JVM_ARGS|CLASSPATH|OPENJ9_JAVA_OPTIONS|IBM_JAVA_OPTIONS"
                    + "|LD_.*|WLP_.*|JAVA_HOME|PATH");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL|REDIS_URL).*");

    @Test
    void bothTemplatesRenderToValidTomlWithOnlyTheDockerfilesVariables() {
        assertEquals(Set.of("gramine.libos", "gramine.runtimedir()", "arch_libdir", "provider_mrenclave", "attestation_issuer"),
                GramineTemplates.variables(PLATFORM));
        assertEquals(Set.of("gramine.libos", "gramine.runtimedir()", "arch_libdir", "key_vault_url"),
                GramineTemplates.variables(INFERENCE));
        templates().forEach(GramineTemplates::render);
    }

    @Test
    void enclavesAreProductionSgxWithDcapRemoteAttestation() {
        assertAll(templates().map(t -> () -> {
            TomlParseResult manifest = GramineTemplates.render(t);
            assertEquals("dcap", manifest.getString("sgx.remote_attestation"), t + " remote attestation");
            assertEquals(false, manifest.getBoolean("sgx.debug"), t + " debug enclave");
            assertEquals("error", manifest.getString("loader.log_level"), t + " log level");
            assertEquals("strict", manifest.getString("sgx.file_check_policy"), t + " file check policy");
            assertEquals(true, manifest.getBoolean("sgx.use_exinfo"), t + ": HotSpot needs page-fault addresses");
            assertEquals("/opt/java/openjdk/bin/java", manifest.getString("libos.entrypoint"), t + " entrypoint");
            assertTrue(manifest.getLong("sgx.max_threads") >= 128, t + " threads for a JVM");
            assertFalse(manifest.getBoolean("sgx.enable_stats", () -> false), t + " stats are debug-only");
            assertTrue(manifest.dottedKeySet(true).stream().noneMatch(k -> k.contains("insecure__")),
                    t + " uses an insecure__ option");
        }));
    }

    @Test
    void theJvmCommandLineIsFixedInTheManifestAndStartsLiberty() {
        assertAll(templates().map(t -> () -> {
            TomlParseResult manifest = GramineTemplates.render(t);
            List<String> argv = GramineTemplates.argv(manifest);
            assertEquals(List.of("-jar", "/opt/ol/wlp/bin/tools/ws-server.jar", "defaultServer"),
                    argv.subList(argv.size() - 3, argv.size()), t + " launches Liberty's server");
            assertTrue(argv.contains("-javaagent:/opt/ol/wlp/bin/tools/ws-javaagent.jar"), t + " Liberty's agent");
            assertTrue(argv.stream().anyMatch(a -> a.startsWith("-Xmx")), t + " bounds the heap to fit the enclave");
            assertTrue(argv.stream().anyMatch(a -> a.startsWith("-XX:CompressedClassSpaceSize=")), t + " bounds class space");
            assertNull(manifest.get("loader.argv_src_file"), t + " takes arguments from a file");
        }));
    }

    @Test
    void theHostEnvironmentCarriesNeitherCodeNorSecretsIn() {
        assertAll(templates().map(t -> () -> {
            TomlParseResult manifest = GramineTemplates.render(t);
            assertNull(manifest.get("loader.env_src_file"), t + " reads its environment from a host file");
            GramineTemplates.environment(manifest).forEach((name, value) -> {
                if (value == null) {
                    assertFalse(CODE_CARRYING.matcher(name).matches(), t + " lets the host set " + name);
                } else {
                    assertFalse(SECRET_NAME.matcher(name).matches(), t + " fixes the secret " + name + " in the manifest");
                }
            });
        }));
    }

    @Test
    void thePlatformsTrustSettingsAreMeasuredNotConfigurable() {
        TomlParseResult manifest = GramineTemplates.render(PLATFORM);
        Map<String, String> properties = GramineTemplates.systemProperties(manifest);
        assertEquals("gramine", properties.get("attestation.evidence.provider"));
        assertEquals("false", properties.get("attestation.trust-simulated"));
        assertEquals("key-release", properties.get("platform.keys.source"));
        assertEquals("false", properties.get("inference.callers.allow-debug"));
        assertEquals(GramineTemplates.PROVIDER_MRENCLAVE, properties.get("diagnostics.provider.mrenclaves"));
        assertEquals(GramineTemplates.ISSUER, properties.get("attestation.issuer"));
        assertTrue(properties.get("platform.keys.sealing-key-file").matches("/dev/attestation/keys/_sgx_mr(signer|enclave)"));
        Set<String> fromHost = GramineTemplates.passthrough(manifest);
        for (String trust : List.of("ATTESTATION_TRUST_SIMULATED", "ATTESTATION_EVIDENCE_PROVIDER", "DIAGNOSTICS_PROVIDER_MRENCLAVES",
                "ATTESTATION_PARTNER_ENCLAVES", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER",
                "PLATFORM_SECURITY_BEARER_ROLES", "PLATFORM_KEYS_SOURCE", "PLATFORM_KEYS_SEALING_KEY_FILE")) {
            assertFalse(fromHost.contains(trust), trust + " must not come from the host");
        }
    }

    @Test
    void theProviderIsAttestedAndLoadsOnnxRuntimeFromMeasuredFiles() {
        TomlParseResult manifest = GramineTemplates.render(INFERENCE);
        Map<String, String> properties = GramineTemplates.systemProperties(manifest);
        assertEquals("gramine", properties.get("attestation.evidence.provider"));
        assertEquals("false", properties.get("inference.callers.allow-debug"));
        String models = properties.get("inference.models.dir");
        String natives = properties.get("onnxruntime.native.path");
        List<String> trusted = GramineTemplates.trustedFiles(manifest);
        assertTrue(covers(trusted, models + "/unet.onnx"), "the model is measured");
        assertTrue(covers(trusted, natives + "/libonnxruntime.so"), "ONNX Runtime's native library is measured");
        assertTrue(covers(trusted, natives + "/libonnxruntime4j_jni.so"), "its JNI library is measured");
    }

    @Test
    void whatTheEnclaveStoresIsOnAnEncryptedMountKeyedBySgxSealing() {
        assertAll(templates().map(t -> () -> {
            TomlParseResult manifest = GramineTemplates.render(t);
            String output = GramineTemplates.environment(manifest).get("WLP_OUTPUT_DIR");
            Map<String, String> properties = GramineTemplates.systemProperties(manifest);
            List<String> encrypted = GramineTemplates.mountPaths(manifest, "encrypted");
            assertEquals(List.of(output), encrypted, t + " encrypts Liberty's output folder");
            assertTrue(properties.get("platform.data.dir").startsWith(output + "/"), t + " keeps data/ in it");
            GramineTemplates.mounts(manifest).stream().filter(m -> "encrypted".equals(m.getString("type")))
                    .forEach(m -> assertTrue(m.getString("key_name").matches("_sgx_mr(enclave|signer)"), t + " key " + m.getString("key_name")));
            assertTrue(GramineTemplates.mountPaths(manifest, "tmpfs").containsAll(List.of("/logs", "/tmp")), t + " logs stay inside");
        }));
        assertTrue(GramineTemplates.systemProperties(GramineTemplates.render(PLATFORM)).get("attestation.tls.keystore")
                .startsWith(GramineTemplates.environment(GramineTemplates.render(PLATFORM)).get("WLP_OUTPUT_DIR") + "/"),
                "the platform's TLS key never leaves the encrypted volume");
        assertEquals("_sgx_mrsigner", GramineTemplates.mounts(GramineTemplates.render(PLATFORM)).stream()
                .filter(m -> "encrypted".equals(m.getString("type"))).findFirst().orElseThrow().getString("key_name"),
                "the platform's data survives a new build by the same signer");
    }

    @Test
    void trustedFilesCoverTheJvmLibertyServerXmlAndTheWar() {
        Map<Path, String> wars = Map.of(PLATFORM, "enclave-care.war", INFERENCE, "enclave-care-inference.war");
        assertAll(templates().map(t -> () -> {
            List<String> trusted = GramineTemplates.trustedFiles(GramineTemplates.render(t));
            for (String file : List.of("/opt/java/openjdk/bin/java", "/opt/java/openjdk/lib/server/libjvm.so",
                    "/opt/ol/wlp/bin/tools/ws-server.jar", LIBERTY_SERVER + "server.xml", LIBERTY_SERVER + "apps/" + wars.get(t),
                    LIBERTY_SERVER + "configDropins/overrides/" + t.getFileName().toString().replace(".manifest.template", "-tls.xml"),
                    GramineTemplates.VARIABLES.get("gramine.libos"))) {
                assertTrue(covers(trusted, file), t + " does not measure " + file);
            }
        }));
    }

    @Test
    void allowedFilesHoldNoCodeAndNothingTheEnclaveKeeps() {
        assertAll(templates().map(t -> () -> {
            TomlParseResult manifest = GramineTemplates.render(t);
            List<String> trusted = GramineTemplates.trustedFiles(manifest);
            for (String allowed : GramineTemplates.allowedFiles(manifest)) {
                assertFalse(allowed.matches(".*\\.(jar|war|so|class|xml|onnx)$"), t + " allows code or config " + allowed);
                assertFalse(allowed.startsWith("/opt/") || allowed.startsWith("/usr/") || allowed.startsWith("/lib"), t + " " + allowed);
                assertFalse(trusted.stream().anyMatch(tr -> tr.startsWith(allowed) || allowed.startsWith(tr)),
                        t + " allows what it also trusts: " + allowed);
                assertFalse(GramineTemplates.mountPaths(manifest, "encrypted").stream().anyMatch(allowed::startsWith),
                        t + " allows plain access inside the encrypted mount: " + allowed);
            }
        }));
    }

    @Test
    void eachEnclaveHasItsOwnProductIdSoTheirSealingKeysDiffer() {
        assertNotEquals(GramineTemplates.render(PLATFORM).getLong("sgx.isvprodid"),
                GramineTemplates.render(INFERENCE).getLong("sgx.isvprodid"));
    }

    private static Stream<Path> templates() {
        return Stream.of(PLATFORM, INFERENCE);
    }
}
