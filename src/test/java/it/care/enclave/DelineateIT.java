package it.care.enclave;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed's {@code curl -X POST .../delineate -F img=@TCGA_CS_4944.png}: the platform verifies the provider
 * enclave, sends the slice sealed, and returns the outline. The provider is the second Liberty server running
 * the inference WAR, pinned by its WAR's measurement, serving a small real model with the U-Net's signature.
 */
class DelineateIT {

    static byte[] sampleSlice() throws Exception {
        Path slice = Path.of(System.getProperty("shared.dir", "../shared"), "data/TCGA_CS_4944.png");
        Assumptions.assumeTrue(Files.exists(slice), "SKIPPED: the sample MRI slice is not at " + slice);
        return Files.readAllBytes(slice);
    }

    static HttpResponse<String> upload(String field, String filename, String type, byte[] content, String auth) {
        return upload("/delineate", field, filename, type, content, auth, Duration.ofSeconds(90));
    }

    static HttpResponse<String> upload(String path, String field, String filename, String type, byte[] content,
                                       String auth) {
        return upload(path, field, filename, type, content, auth, Duration.ofSeconds(90));
    }

    static HttpResponse<String> upload(String path, String field, String filename, String type, byte[] content,
                                       String auth, Duration timeout) {
        String boundary = "----enclave" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(ItServer.https(path)).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return Http.send(request.build());
    }

    @Test
    void theSeedsSliceComesBackOutlinedByAVerifiedProvider() throws Exception {
        HttpResponse<String> response = upload("img", "TCGA_CS_4944.png", "image/png", sampleSlice(), ItServer.clerkAuth());

        assertEquals(200, response.statusCode(), response.body());
        JsonObject result = json(response);
        BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(result.getString("img_delineated"))));
        assertEquals(256, overlay.getWidth());
        assertTrue(result.getInt("lesion_pixels") > 0);
        assertTrue(result.getJsonNumber("lesion_fraction").doubleValue() > 0);
        assertEquals("flair-threshold", result.getJsonObject("model").getString("name"));
        assertTrue(result.getJsonObject("model").getString("sha256").matches("[0-9a-f]{64}"));
        // The separately started provider, identified by the measurement of its own WAR (not this server's).
        String providerWar = java.util.HexFormat.of().formatHex(care.enclave.platform.enclave.WebAppMeasurement
                .measureWar(Path.of(System.getProperty("it.inference.war"))));
        assertEquals(providerWar, result.getJsonObject("provider").getString("mrenclave"));
        assertTrue(result.getJsonObject("provider").getBoolean("simulated"));
        assertEquals(3, result.getString("maa_token").split("\\.").length);
        Files.createDirectories(Path.of("target/it-artifacts"));
        Files.write(Path.of("target/it-artifacts/delineate-overlay.png"),
                Base64.getDecoder().decode(result.getString("img_delineated")));
    }

    @Test
    void onlyClerksDelineate() throws Exception {
        assertEquals(401, upload("img", "a.png", "image/png", sampleSlice(), null).statusCode());
    }

    @Test
    void nonImagesAndMissingPartsAreRefusedAs4xx() {
        HttpResponse<String> notImage = upload("img", "x.png", "image/png", "not an image".getBytes(), ItServer.clerkAuth());
        HttpResponse<String> gif = upload("img", "x.gif", "image/gif", "GIF89a\u0001\u0000\u0001\u0000".getBytes(),
                ItServer.clerkAuth());
        HttpResponse<String> missing = upload("other", "x.png", "image/png", new byte[10], ItServer.clerkAuth());

        assertEquals(400, notImage.statusCode(), notImage.body());
        assertEquals(415, gif.statusCode(), gif.body());
        assertEquals(400, missing.statusCode(), missing.body());
    }

    @Test
    void oversizedUploadsAre413() {
        HttpResponse<String> big = upload("img", "big.png", "image/png", new byte[17 * 1024 * 1024], ItServer.clerkAuth());

        assertEquals(413, big.statusCode(), big.body());
    }
}
