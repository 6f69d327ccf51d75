package it.care.enclave;

import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.crypto.SealedExchangeJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static it.care.enclave.Http.JSON;
import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider's operators must never see pixel data: requests that fail inside or outside the seal, with
 * recognisable pixel values, are answered without them, and after a real delineation has gone through too,
 * nothing in the provider server's logs (messages, console, trace, FFDC) holds those values, a run of numbers
 * that could be a tensor, or an image.
 */
class ProviderLeakIT {

    private static final String MODEL = "tiny-sigmoid";
    private static final String MARKER = "0.8137469";
    private static final Pattern TENSOR_LIKE = Pattern.compile("(-?\\d+\\.\\d+\\s*,\\s*){16,}");
    private static final String PNG_BASE64 = "iVBORw0KGgo";

    private static String tensor(String shape, int count, String datatype) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < count; i++) {
            data.append(i == 0 ? "" : ",").append(MARKER).append(i % 10);
        }
        return "{\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"" + datatype + "\",\"shape\":" + shape
                + ",\"data\":[" + data + "]}]}";
    }

    private static HttpResponse<String> infer(String requestId, String body, AttestedCaller caller) throws Exception {
        java.net.URI uri = ProviderIT.providerUri("/inference/v2/models/" + MODEL + "/infer");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", JSON).header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (caller != null) {
            caller.authorize(request, "POST", uri);
        }
        return ProviderIT.provider(request);
    }

    private static String sealed(ECPublicKey key, String requestId, String plaintext) {
        return SealedExchangeJson.encodeRequest(SealedExchange.seal(key, plaintext.getBytes(StandardCharsets.UTF_8),
                SealedExchange.associatedData(MODEL, requestId)));
    }

    @Test
    void failedRequestsAndLogsHoldNoPixelData() throws Exception {
        AttestedCaller caller = InferenceIT.caller();
        ECPublicKey key = InferenceIT.providerKey(json(ProviderIT.provider(HttpRequest.newBuilder(
                ProviderIT.providerUri("/inference/attestation/evidence")))));
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String plaintext : List.of(
                tensor("[1,3,4,4]", 48, "FP32"),                 // wrong shape, opened inside the enclave
                tensor("[1,3,8,8]", 192, "INT32"),               // wrong datatype
                tensor("[1,3,8,8]", 191, "FP32"),                // data shorter than the shape
                tensor("[1,3,8,8]", 192, "FP32").replace("]}]}", ",\"x\"]}]}"))) {  // a string among the numbers
            String id = UUID.randomUUID().toString();
            answers.add(infer(id, sealed(key, id, plaintext), caller));
        }
        String id = UUID.randomUUID().toString();
        answers.add(infer(id, tensor("[1,3,8,8]", 192, "FP32"), caller));   // not sealed at all
        answers.add(infer(id, tensor("[1,3,8,8]", 192, "FP32"), null));     // and without a token
        answers.add(infer(id, sealed(key, UUID.randomUUID().toString(), tensor("[1,3,8,8]", 192, "FP32")), caller));

        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, answer.statusCode() + " " + answer.body());
            assertFalse(answer.body().contains(MARKER), "an error answer echoes pixel values");
            assertFalse(TENSOR_LIKE.matcher(answer.body()).find(), "an error answer holds a run of numbers");
        }
        assertEquals(200, DelineateIT.upload("img", "s.png", "image/png", DelineateIT.sampleSlice(),
                ItServer.clerkAuth()).statusCode(), "a real delineation also went through this provider");

        for (Path log : providerLogs()) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(MARKER), "pixel values in " + log.getFileName());
            assertFalse(TENSOR_LIKE.matcher(text).find(), "a run of numbers in " + log.getFileName());
            assertFalse(text.contains(PNG_BASE64), "an image in " + log.getFileName());
        }
    }

    private static List<Path> providerLogs() {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("it.provider.dir"), "logs"))) {
            List<Path> logs = files.filter(Files::isRegularFile).toList();
            assertFalse(logs.isEmpty(), "the provider server wrote no logs to scan");
            return logs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
