package it.care.enclave;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static it.care.enclave.Http.JSON;
import static it.care.enclave.Http.json;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagnostics provider as its own deployable: a WAR holding only the inference module and the
 * platform, running in a second Liberty server, whose evidence the platform's attestation service accepts.
 */
class ProviderIT {

    static final HttpClient PROVIDER = ItServer.clientFor(Path.of(System.getProperty("it.provider.dir")));

    static HttpResponse<String> provider(HttpRequest.Builder request) throws Exception {
        return PROVIDER.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI providerUri(String path) {
        return URI.create("https://localhost:" + System.getProperty("it.provider.https.port") + path);
    }

    @Test
    void theInferenceWarHoldsOnlyTheInferenceModuleAndThePlatform() throws Exception {
        try (ZipFile war = new ZipFile(System.getProperty("it.inference.war"))) {
            List<String> entries = war.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("WEB-INF/classes/care/enclave/inference/")));
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("WEB-INF/classes/care/enclave/platform/")));
            for (String module : List.of("patients", "attestation", "diagnostics")) {
                assertFalse(entries.stream().anyMatch(e -> e.startsWith("WEB-INF/classes/care/enclave/" + module + "/")),
                        module);
            }
            assertFalse(entries.stream().anyMatch(e -> e.startsWith("WEB-INF/lib/jedis")), "no Redis client");
            assertFalse(entries.stream().anyMatch(e -> e.startsWith("WEB-INF/lib/onnxruntime")), "ORT is shared");
        }
    }

    @Test
    void theProviderServerServesItsModelsOnItsOwnPorts() throws Exception {
        HttpResponse<String> metadata = provider(HttpRequest.newBuilder(providerUri("/inference/v2/models/tiny-sigmoid")));

        assertEquals(200, metadata.statusCode(), metadata.body());
        assertTrue(json(metadata).getString("sha256").matches("[0-9a-f]{64}"));
        assertEquals(404, provider(HttpRequest.newBuilder(providerUri("/patient/anything"))).statusCode(),
                "the provider serves no patient API");
    }

    @Test
    void theProvidersEvidenceIsAttestedByThePlatformsAttestationService() throws Exception {
        JsonObject evidence = Json.createReader(new StringReader(provider(HttpRequest.newBuilder(
                providerUri("/inference/attestation/evidence?nonce=prov1"))).body())).readObject();

        HttpResponse<String> attested = post(AttestationIT.ATTEST, JSON, AttestationIT.attestBody(evidence, "prov1"), null);

        assertEquals(200, attested.statusCode(), attested.body());
    }

    @Test
    void inferenceWithoutAnAttestationTokenIs401() throws Exception {
        HttpResponse<String> refused = provider(HttpRequest.newBuilder(providerUri("/inference/v2/models/tiny-sigmoid/infer"))
                .header("Content-Type", JSON).header("X-Request-Id", "abcdefgh-1234")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(401, refused.statusCode());
    }
}
