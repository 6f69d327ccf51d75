package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider's server goes down while hospitals delineate: the platform answers 503 with Retry-After in
 * bounded time (never a hang or a 500), and delineation works again once the provider is back.
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

    @Test
    void aProviderOutageIsABounded503AndServiceReturnsWithTheProvider() throws Exception {
        byte[] slice = DelineateIT.sampleSlice();
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
    }
}
