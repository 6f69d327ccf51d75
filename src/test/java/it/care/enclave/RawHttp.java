package it.care.enclave;

import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over TLS written byte by byte, for requests a well-behaved client refuses to send: invalid header
 * bytes, oversized headers, broken framing, malformed request lines. Each exchange uses its own connection
 * and reads until the server closes it or the time bound runs out.
 */
final class RawHttp {

    /** What came back: a status (0 when the server closed without answering), headers and body. */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean timedOut) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} as it is (it must hold its own request line, headers and body). */
    static Answer exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        return exchangeFrom(null, port, request, timeoutMillis);
    }

    /**
     * The same from a chosen loopback source address (e.g. {@code 127.0.0.7}), so a test can act as a client
     * of its own: the server sees that address as the remote address, and per-client limits stay apart.
     */
    static Answer exchangeFrom(String localAddress, int port, byte[] request, int timeoutMillis) throws IOException {
        try (SSLSocket socket = (SSLSocket) ItServer.tls().getSocketFactory().createSocket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            socket.setSoTimeout(timeoutMillis);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedWhileSending) {
                // The server may refuse and close before reading everything; its answer is still readable.
            }
            return parse(readUntilClosed(socket.getInputStream(), timeoutMillis));
        }
    }

    private static Read readUntilClosed(InputStream in, int timeoutMillis) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] buffer = new byte[16384];
        try {
            for (int n; System.nanoTime() < deadline && (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException slow) {
            return new Read(bytes.toByteArray(), true);
        } catch (IOException reset) {
            return new Read(bytes.toByteArray(), false);
        }
        return new Read(bytes.toByteArray(), System.nanoTime() >= deadline);
    }

    private record Read(byte[] bytes, boolean timedOut) {
    }

    private static Answer parse(Read read) {
        String text = new String(read.bytes(), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(0, Map.of(), read.bytes(), read.timedOut());
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(read.bytes(), end + 4, read.bytes().length);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body, read.timedOut());
    }

    /** Lenient: a truncated chunk ends the body. */
    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return body.toByteArray();
    }
}
