package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One delineation followed across both servers' JSON logs by the correlation id its caller chose: the
 * platform logs it and passes it on, the provider logs it with its sealed inference, and neither line says
 * anything about the image or the finding.
 */
class CorrelationIT {

    private static List<String> lines(Path serverDir, String needle) throws Exception {
        try (var files = Files.list(serverDir.resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("messages"))
                    .flatMap(f -> ItServer.lines(f).stream()).filter(line -> line.contains(needle)).toList();
        }
    }

    @Test
    void aDelineationCanBeFollowedIntoTheProvidersLog() throws Exception {
        String id = "it-corr-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        byte[] slice = DelineateIT.sampleSlice();
        String boundary = "----corr" + id;
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"img\"; filename=\"s.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(body);
        all.writeBytes(slice);
        all.writeBytes(end);

        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(ItServer.https("/delineate"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Correlation-Id", id).header("Authorization", ItServer.clerkAuth())
                .POST(HttpRequest.BodyPublishers.ofByteArray(all.toByteArray())).build());
        Thread.sleep(1000);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(id, response.headers().firstValue("X-Correlation-Id").orElseThrow());
        int lesionPixels = Http.json(response).getInt("lesion_pixels");
        List<String> platform = lines(ItServer.dir(), id);
        List<String> provider = lines(Path.of(System.getProperty("it.provider.dir")), id);
        assertEquals(1, platform.size(), platform.toString());
        assertEquals(1, provider.size(), provider.toString());
        assertTrue(Pattern.compile("\"message\":\"Delineation with model flair-threshold: provider verified in \\d+ ms, "
                + "inference \\d+ ms \\[correlationId=" + id + "\\]\"").matcher(platform.get(0)).find(), platform.get(0));
        assertTrue(Pattern.compile("\"message\":\"Sealed inference with model flair-threshold answered in \\d+ ms "
                + "\\[correlationId=" + id + "\\]\"").matcher(provider.get(0)).find(), provider.get(0));
        assertTrue(provider.get(0).startsWith("{") && platform.get(0).startsWith("{"), "JSON log lines");
        assertTrue(!platform.get(0).contains("lesion") && !platform.get(0).contains(" " + lesionPixels + " "),
                "nothing about the finding");
    }
}
