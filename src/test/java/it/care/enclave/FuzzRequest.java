package it.care.enclave;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated malformed request. Headers are ISO-8859-1 strings, so any byte can be put on the wire;
 * {@code wire} replaces the whole request (request line, headers, framing) for the cases no client library
 * would send.
 */
record FuzzRequest(Endpoints.Endpoint endpoint, String category, String method, String target,
                   List<String[]> headers, byte[] body, byte[] wire) {

    FuzzRequest withHeader(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.removeIf(h -> h[0].equalsIgnoreCase(name));
        more.add(new String[]{name, value});
        return new FuzzRequest(endpoint, category, method, target, more, body, wire);
    }

    FuzzRequest withBody(String contentType, byte[] newBody) {
        FuzzRequest changed = new FuzzRequest(endpoint, category, method, target, headers, newBody, wire);
        return contentType == null ? changed : changed.withHeader("Content-Type", contentType);
    }

    FuzzRequest as(String newCategory) {
        return new FuzzRequest(endpoint, newCategory, method, target, headers, body, wire);
    }

    FuzzRequest withTarget(String newTarget) {
        return new FuzzRequest(endpoint, category, method, newTarget, headers, body, wire);
    }

    FuzzRequest withMethod(String newMethod) {
        return new FuzzRequest(endpoint, category, newMethod, target, headers, body, wire);
    }

    FuzzRequest withWire(byte[] bytes) {
        return new FuzzRequest(endpoint, category, method, target, headers, body, bytes);
    }

    String header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    /** The request as HTTP/1.1 bytes with Host, Content-Length and Connection: close, unless {@code wire} is set. */
    byte[] toWire(int port) {
        if (wire != null) {
            return wire;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
        headers.forEach(h -> head.append(h[0]).append(": ").append(h[1]).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return category + " " + method + " " + (target.length() > 120 ? target.substring(0, 120) + "..." : target)
                + " (" + endpoint + ")";
    }
}
