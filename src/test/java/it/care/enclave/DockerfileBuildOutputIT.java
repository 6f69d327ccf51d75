package it.care.enclave;

import care.enclave.deployment.DockerfileBuildOutput;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After {@code package}: everything the Dockerfile's images copy from the build stage exists, as the
 * build stage ({@code mvnw package} in a copy of this project) will produce it, and each WAR holds what
 * its server runs. No Docker engine is needed for this part of the image build.
 */
class DockerfileBuildOutputIT {

    @Test
    void everyBuildOutputTheImagesCopyExists() {
        List<String> sources = DockerfileBuildOutput.sources();
        assertFalse(sources.isEmpty());
        assertAll(sources.stream().map(source -> () -> {
            Path path = Path.of(source);
            assertTrue(Files.exists(path), "the Dockerfile copies " + source + ", which package did not produce");
            if (source.endsWith("/")) {
                assertTrue(nonEmpty(path), source + " is empty");
            }
        }));
    }

    @Test
    void theOnnxRuntimeLibraryCarriesTheLinuxNativeLibrariesTheSgxImageExtracts() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target/onnxruntime-lib"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("onnxruntime-[\\d.]+\\.jar")).findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertNotNull(zip.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime.so"));
            assertNotNull(zip.getEntry("ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so"));
        }
    }

    @Test
    void eachWarHoldsItsServersModulesOnly() throws IOException {
        try (ZipFile platform = new ZipFile("target/enclave-care.war");
             ZipFile inference = new ZipFile("target/enclave-care-inference.war")) {
            assertNotNull(platform.getEntry("WEB-INF/classes/care/enclave/patients/control/PatientStore.class"));
            assertNotNull(platform.getEntry("WEB-INF/classes/care/enclave/inference/control/InferenceService.class"));
            assertNotNull(inference.getEntry("WEB-INF/classes/care/enclave/inference/control/InferenceService.class"));
            assertNull(inference.getEntry("WEB-INF/classes/care/enclave/patients/control/PatientStore.class"),
                    "the provider's WAR must not carry the patients module");
        }
    }

    private static boolean nonEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
