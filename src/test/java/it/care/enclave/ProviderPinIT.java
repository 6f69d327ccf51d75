package it.care.enclave;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider whose MRENCLAVE is not the pinned one is refused before any data is sent: the operator re-pins
 * the platform to another enclave (a configDropins override, applied without restart), and the running,
 * otherwise healthy provider then receives no inference request at all, which its statistics show.
 */
class ProviderPinIT {

    private static final String MODEL = "flair-threshold";
    private static final Path DROPIN = Path.of(System.getProperty("it.server.dir"), "configDropins", "overrides",
            "provider-pin.xml");

    /** Sealed requests that reached the provider's model so far, answered or refused. */
    static long requestsReceived(String model) {
        try {
            HttpResponse<String> stats = ProviderIT.provider(HttpRequest.newBuilder(
                    ProviderIT.providerUri("/inference/v2/models/" + model + "/stats")));
            assertEquals(200, stats.statusCode(), stats.body());
            JsonObject counts = json(stats).getJsonArray("model_stats").getJsonObject(0).getJsonObject("inference_stats");
            return counts.getJsonObject("success").getJsonNumber("count").longValue()
                    + counts.getJsonObject("fail").getJsonNumber("count").longValue();
        } catch (Exception e) {
            throw new AssertionError("the provider's statistics are unreadable", e);
        }
    }

    /** Writes or removes the override and waits until the server has applied a configuration update. */
    private static void repin(String mrEnclave) throws Exception {
        Path log = ItServer.dir().resolve("logs/messages.log");
        long updatesBefore = configUpdates(log);
        if (mrEnclave == null) {
            Files.deleteIfExists(DROPIN);
        } else {
            Files.createDirectories(DROPIN.getParent());
            Files.writeString(DROPIN, "<server><variable name=\"diagnostics.provider.mrenclaves\" value=\""
                    + mrEnclave + "\"/></server>", StandardCharsets.UTF_8);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (configUpdates(log) == updatesBefore) {
            assertTrue(System.nanoTime() < deadline, "the server did not apply the configuration change");
            Thread.sleep(200);
        }
    }

    private static long configUpdates(Path log) {
        List<String> lines = ItServer.lines(log);
        return lines.stream().filter(l -> l.contains("CWWKG0017I") || l.contains("CWWKG0018I")).count();
    }

    @Test
    void anUnpinnedProviderIsRefusedAndNeverSentTheImage() throws Exception {
        byte[] slice = DelineateIT.sampleSlice();
        repin("00".repeat(32));
        try {
            long before = requestsReceived(MODEL);

            HttpResponse<String> refused = DelineateIT.upload("img", "s.png", "image/png", slice, ItServer.clerkAuth());

            assertEquals(502, refused.statusCode(), refused.body());
            assertEquals("UNTRUSTED", json(refused).getString("reason"));
            assertEquals(before, requestsReceived(MODEL), "the refused provider received an inference request");
        } finally {
            repin(null);
        }
        long before = requestsReceived(MODEL);
        HttpResponse<String> pinnedAgain = DelineateIT.upload("img", "s.png", "image/png", slice, ItServer.clerkAuth());
        assertEquals(200, pinnedAgain.statusCode(), pinnedAgain.body());
        assertEquals(before + 1, requestsReceived(MODEL), "the pinned provider received exactly the one request");
    }
}
