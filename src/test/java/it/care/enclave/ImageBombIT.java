package it.care.enclave;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight decompression bombs at once (PNG headers declaring 4096 x 4096 16-bit RGBA over 74 bytes, a deflate
 * bomb of plausible size, JPEG frames declaring 65000 x 65000) are refused with problem JSON, and the
 * server's heap, read from /metrics before and after, does not take the hundreds of MiB they ask for.
 */
class ImageBombIT {

    /** Eight honoured bombs would need over 1 GiB; ordinary request churn between two readings stays well under this. */
    private static final long HEAP_GROWTH_LIMIT = 96L * 1024 * 1024;

    private static final Pattern USED_HEAP = Pattern.compile("(?m)^memory_usedHeap_bytes\\{[^}]*} ([0-9.E+]+)");

    @Test
    void eightBombsAtOnceAreRefusedWithoutTheHeapJumping() {
        List<byte[]> bombs = List.of(tinyPng(4096, 4096), tinyPng(4096, 4096), zlibBomb(1024, 1024),
                zlibBomb(1024, 1024), jpeg(65000, 65000), jpeg(65000, 65000), tinyPng(1024, 1024), jpeg(1024, 1024));
        long before = usedHeap();

        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (byte[] bomb : bombs) {
            sent.add(CompletableFuture.supplyAsync(() -> DelineateIT.upload("img", "slice.png", "image/png", bomb,
                    ItServer.clerkAuth())));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();
        long after = usedHeap();

        for (HttpResponse<String> answer : answers) {
            assertTrue(answer.statusCode() == 413 || answer.statusCode() == 503, answer.statusCode() + " " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        }
        assertTrue(answers.stream().anyMatch(a -> a.statusCode() == 413 && reason(a).equals("TOO_LARGE_DIMENSIONS")));
        assertTrue(answers.stream().anyMatch(a -> a.statusCode() == 413 && reason(a).equals("IMPLAUSIBLE_COMPRESSION")));
        System.out.printf("ImageBombIT: used heap before %d MiB, after %d MiB%n", before >> 20, after >> 20);
        assertTrue(after - before < HEAP_GROWTH_LIMIT, "heap grew from " + before + " to " + after);
    }

    @Test
    void aBombForAPatientIsRefusedToo() {
        String id = "bomb_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, post("/patient/" + id, FORM, Http.seedForm(""), ItServer.clerkAuth()).statusCode());

        HttpResponse<String> answer = DelineateIT.upload("/patient/" + id + "/delineate", "img", "slice.png",
                "image/png", zlibBomb(1024, 1024), ItServer.clerkAuth());

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("IMPLAUSIBLE_COMPRESSION", reason(answer));
    }

    private static String reason(HttpResponse<String> answer) {
        JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
        return problem.getString("reason", "");
    }

    private static long usedHeap() {
        Matcher used = USED_HEAP.matcher(MetricsIT.metrics());
        assertTrue(used.find(), "memory_usedHeap_bytes on /metrics");
        return (long) Double.parseDouble(used.group(1));
    }

    /** 74 bytes: signature, IHDR (16-bit RGBA), a 17-byte IDAT, IEND. */
    static byte[] tinyPng(int width, int height) {
        return png(width, height, deflate(new byte[1024]));
    }

    /** A complete 16-bit RGBA PNG of zero rows, about a thousand times smaller than its pixels. */
    static byte[] zlibBomb(int width, int height) {
        return png(width, height, deflate(new byte[height * (1 + width * 8)]));
    }

    private static byte[] png(int width, int height, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 16).put((byte) 6)
                .array()));
        out.writeBytes(chunk("IDAT", idat));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** A baseline frame of three components declaring the given size over a one-byte scan. */
    static byte[] jpeg(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (height >> 8),
                (byte) height, (byte) (width >> 8), (byte) width, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0});
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xDA, 0, 12, 3, 1, 0, 2, 0, 3, 0, 0, 63, 0, 0});
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }
}
