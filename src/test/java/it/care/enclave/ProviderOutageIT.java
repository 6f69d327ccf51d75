package it.care.enclave;

import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.crypto.SealedExchangeJson;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.UUID;

import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider's server goes down while hospitals delineate: the platform answers 503 with Retry-After in
 * bounded time (never a hang or a 500), and delineation works again once the provider is back. The provider
 * restarted is a new process holding the same vault-released request key, as every replica does.
 */
class ProviderOutageIT {

    static void provider(String action) throws Exception {
        Path server = Path.of(System.getProperty("it.wlp.dir"), "bin", "server");
        Process process = new ProcessBuilder(server.toString(), action, System.getProperty("it.provider.name"))
                .inheritIO().start();
        process.waitFor();
    }

    static boolean providerUp() {
        try {
            return ProviderIT.provider(HttpRequest.newBuilder(ProviderIT.providerUri("/inference/v2/health/ready"))
                    .timeout(Duration.ofSeconds(5))).statusCode() == 200;
        } catch (Exception down) {
            return false;
        }
    }

    static void awaitProviderUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!providerUp() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private static ECPublicKey providerKey() throws Exception {
        return InferenceIT.providerKey(json(ProviderIT.provider(HttpRequest.newBuilder(
                ProviderIT.providerUri("/inference/attestation/evidence")))));
    }

    @Test
    void aProviderOutageIsABounded503AndServiceReturnsWithTheProvider() throws Exception {
        byte[] slice = DelineateIT.sampleSlice();
        // Sealed to the key the provider publishes now, sent only to the provider process started later: as
        // another replica behind a load balancer would receive it. It opens because the key came from the vault.
        String requestId = UUID.randomUUID().toString();
        ECPublicKey keyBefore = providerKey();
        SealedExchange.Sealed sealed = SealedExchange.seal(keyBefore, InferenceIT.request(0f).getBytes(StandardCharsets.UTF_8),
                SealedExchange.associatedData("tiny-sigmoid", requestId));
        provider("stop");
        try {
            long start = System.nanoTime();
            HttpResponse<String> down = DelineateIT.upload("img", "s.png", "image/png", slice, ItServer.clerkAuth());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.headers().firstValue("Retry-After").isPresent());
            assertEquals("UNAVAILABLE", json(down).getString("reason"));
            assertTrue(took.toSeconds() < 15, "answered in " + took);
        } finally {
            provider("start");
        }
        awaitProviderUp();
        HttpResponse<String> back = DelineateIT.upload("img", "s.png", "image/png", slice, ItServer.clerkAuth());
        assertEquals(200, back.statusCode(), back.body());

        assertEquals(keyBefore, providerKey(), "the restarted provider publishes the same, vault-released key");
        java.net.URI infer = ProviderIT.providerUri("/inference/v2/models/tiny-sigmoid/infer");
        HttpResponse<String> opened = ProviderIT.provider(InferenceIT.caller().authorize(HttpRequest.newBuilder(infer)
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(SealedExchangeJson.encodeRequest(sealed))), "POST", infer));
        assertEquals(200, opened.statusCode(), opened.body());
        byte[] answer = sealed.openResponse(SealedExchangeJson.decodeResponse(opened.body()),
                SealedExchange.associatedData("tiny-sigmoid", requestId));
        assertTrue(new String(answer, StandardCharsets.UTF_8).contains("outputs"));
    }
}
