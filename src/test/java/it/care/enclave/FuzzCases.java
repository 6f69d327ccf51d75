package it.care.enclave;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static it.care.enclave.FuzzBases.concat;
import static it.care.enclave.FuzzBases.utf8;

/**
 * The malformations, each a function of a well-formed request and the seeded random source: random bytes,
 * wrong content types, truncation, byte flips (of SGX quotes too), invalid UTF-8, control characters, JSON
 * with extra, missing or wrong-typed fields or absurd depth, huge bodies and headers, path and query tricks,
 * forged tokens and broken Basic credentials, broken framing, request lines and multipart bodies.
 */
final class FuzzCases {

    /** Categories whose requests the transport may refuse before the application (its own pages, or silence). */
    static final List<String> TRANSPORT = List.of("huge-header", "invalid-header-bytes", "bad-framing", "bad-request-line",
            "path-trick");
    private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "image/png",
            "multipart/form-data", "application/json; charset=utf-16", "application/x-www-form-urlencoded; charset=ebcdic",
            "*/*", "application/", ";;;", "a/b; boundary=", "multipart/form-data; boundary=" + "x".repeat(3000),
            "", "application/json, text/plain", "APPLICATION/JSON; CHARSET=\"UTF-8\"", "text/html; charset=utf-8");
    private static final List<String> PATH_TRICKS = List.of("..", "../..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f",
            "a%00b", "%00", "a%0d%0aSet-Cookie:%20x=y", "%C3%28", "%FF%FE%FD", "%C0%AF", "%ED%A0%80", "a%2Fb", "a;b=c",
            "..;", "%25", "%", "%zz", "a b", "a\tb", "%E2%80%AE", "%F0%9F%92%A9", "x".repeat(5000), "*", "~root",
            "%5C..%5C", "a\\b", "\u00e9t\u00e9", "\u00ff\u0001", "a\u0000b", "%u0041", "./.", "a/../../b", "//x",
            "patient_3%20OR%201=1", "'%3Bdrop", "%3Cscript%3E", "a?b", "a#b", "CON", "x".repeat(65), "");
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE, (byte) 0xFF}};

    private final Random random;
    private final List<String> forgedTokens;
    private final Map<String, BiFunction<FuzzRequest, Random, FuzzRequest>> cases = new java.util.LinkedHashMap<>();

    FuzzCases(Random random, List<String> forgedTokens) {
        this.random = random;
        this.forgedTokens = forgedTokens;
        cases.put("random-body", (r, x) -> r.withBody(pick(List.of(Http.JSON, Http.FORM, "application/octet-stream",
                contentType(r))), bytes(x.nextInt(4096))));
        cases.put("wrong-content-type", (r, x) -> r.withBody(pick(WRONG_TYPES), body(r)));
        cases.put("truncated", (r, x) -> r.withBody(null, cut(body(r))));
        cases.put("byte-flips", (r, x) -> r.withBody(null, flip(body(r), 1 + x.nextInt(8))));
        cases.put("invalid-utf8", (r, x) -> r.withBody(null, insert(body(r), INVALID_UTF8[x.nextInt(INVALID_UTF8.length)])));
        cases.put("control-chars", (r, x) -> r.withBody(null, insert(body(r), utf8(String.valueOf(
                pick(List.of('\u0000', '\u0001', '\u001b', '\r', '\n', '\u007f', '\u2028', '\u202e', '\ufeff')))))));
        cases.put("json-shape", (r, x) -> r.withBody(Http.JSON, utf8(reshape(body(r)))));
        cases.put("json-extreme", (r, x) -> r.withBody(Http.JSON, utf8(extremeJson())));
        cases.put("huge-body", (r, x) -> r.withBody(null, bytes(pick(List.of(70_000, 300_000, 2_000_000)))));
        cases.put("path-trick", (r, x) -> r.withTarget(trickPath(r)));
        cases.put("raw-character", (r, x) -> r.withTarget(rawCharacter(r, x)));
        cases.put("query-trick", (r, x) -> r.withTarget(r.target().split("\\?")[0] + pick(List.of("?nonce=%00",
                "?nonce=" + "n".repeat(200), "?api-version=", "?api-version=2022-08-01&api-version=x", "?%zz", "?"
                + "a=b&".repeat(2000), "?nonce=%C3%28", "?api-version=2022-08-01&nonce=<x>", "??", "?=&=&"))));
        cases.put("forged-token", (r, x) -> forged(r));
        cases.put("bad-basic", (r, x) -> r.withHeader("Authorization", pick(List.of("Basic ####", "Basic " + b64("clerk"),
                "Basic " + b64(":"), "Basic " + b64("clerk:" + "x".repeat(5000)), "Basic", "Basic " + b64("\u0000:\u0000"),
                "Basic " + Base64.getEncoder().encodeToString(new byte[]{(byte) 0xC3, 0x28, ':', (byte) 0xFF}),
                "Digest username=\"clerk\"", "Bearer", "Negotiate YII=", "basic " + b64("clerk:wrong")))));
        cases.put("huge-header", (r, x) -> hugeHeader(r));
        cases.put("invalid-header-bytes", (r, x) -> pick(List.of(r.withHeader("X-Fuzz", "a\u0000b"),
                r.withHeader("X-Fuzz", "\u00ff\u00fe"), r.withHeader("X-Fuzz", "a\nInjected: yes"),
                r.withHeader("Bad Header", "x"), r.withHeader("X(y)", "z"), r.withHeader("X-Fuzz", "a\r\n folded"),
                r.withHeader("Authorization", "Basic \u0000\u0001"), r.withHeader("Content-Type", "application/json\u0000"),
                r.withHeader("X-Correlation-Id", "a\u001b[31m" + "x".repeat(100)), r.withHeader("", "empty name"))));
        cases.put("bad-framing", (r, x) -> r.withWire(framing(r)));
        cases.put("bad-request-line", (r, x) -> r.withWire(utf8Latin(pick(List.of("GET  " + r.target() + " HTTP/1.1",
                "GET " + r.target() + " HTTP/9.9", "GET " + r.target(), "BREW " + r.target() + " HTTP/1.1",
                "GET http://evil.example" + r.target() + " HTTP/1.1", "GET * HTTP/1.1", "\u0000GET / HTTP/1.1",
                "GET /" + "a".repeat(20_000) + " HTTP/1.1", "get " + r.target() + " HTTP/1.1", "GET " + r.target()
                + " HTTP/1.1\nX: bare-lf")) + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        cases.put("wrong-method", (r, x) -> r.withMethod(pick(List.of("DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "PUT",
                "POST", "GET", "CONNECT", "PROPFIND"))));
        cases.put("broken-multipart", (r, x) -> r.withBody(pick(List.of(
                "multipart/form-data; boundary=fuzzBoundary7MA4YWxkTrZu0gW", "multipart/form-data",
                "multipart/form-data; boundary=other")), brokenMultipart()));
        cases.put("quote-flips", (r, x) -> quoteFlips(r));
    }

    List<String> categories() {
        return List.copyOf(cases.keySet());
    }

    FuzzRequest apply(String category, FuzzRequest base) {
        return cases.get(category).apply(base, random).as(category);
    }

    private FuzzRequest forged(FuzzRequest r) {
        String token = pick(forgedTokens);
        if (r.endpoint().template().startsWith("keys/") && random.nextBoolean()) {
            return r.withBody(Http.JSON, utf8("{\"target\":\"" + token.replace("\\", "").replace("\"", "") + "\"}"));
        }
        return r.withHeader("Authorization", "Bearer " + token);
    }

    /** SGX quotes and Open Enclave reports with bytes flipped, cut or extended, in an otherwise valid request. */
    private FuzzRequest quoteFlips(FuzzRequest r) {
        String text = new String(body(r), StandardCharsets.UTF_8);
        int start = text.indexOf(":\"");
        if (!r.endpoint().template().startsWith("attest/") || start < 0) {
            return r.withBody(null, flip(body(r), 1 + random.nextInt(4)));
        }
        String field = text.substring(2, text.indexOf('"', 2));
        byte[] evidence = Base64.getUrlDecoder().decode(text.substring(start + 2, text.indexOf('"', start + 2)));
        byte[] mutated = switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(evidence, random.nextInt(evidence.length));
            case 1 -> concat(evidence, bytes(1 + random.nextInt(64)));
            default -> flip(evidence, 1 + random.nextInt(16));
        };
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(mutated);
        return r.withBody(Http.JSON, utf8("{\"" + field + "\":\"" + encoded + "\"}"));
    }

    private String reshape(byte[] body) {
        JsonObject object;
        try {
            object = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        } catch (RuntimeException notJson) {
            object = Json.createObjectBuilder().add("unexpected", "field").build();
        }
        List<String> keys = new ArrayList<>(object.keySet());
        JsonObjectBuilder shaped = Json.createObjectBuilder(object);
        String key = keys.isEmpty() ? "x" : pick(keys);
        switch (random.nextInt(5)) {
            case 0 -> shaped.add("extra" + random.nextInt(100), wrongValue());
            case 1 -> shaped.remove(key);
            case 2 -> shaped.add(key, wrongValue());
            case 3 -> {
                return "[" + object + "]";
            }
            default -> {
                String text = object.toString();
                return text.substring(0, text.length() - 1) + (keys.isEmpty() ? "" : ",") + "\"" + key + "\":"
                        + wrongValue() + "}";
            }
        }
        return shaped.build().toString();
    }

    private JsonValue wrongValue() {
        return pick(List.of(Json.createValue(random.nextInt()), Json.createValue(1e308), JsonValue.TRUE, JsonValue.NULL,
                JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_OBJECT, Json.createValue("x".repeat(20_000)),
                Json.createArrayBuilder().add(1).add("two").build(), Json.createValue(""),
                Json.createObjectBuilder().add("nested", Json.createObjectBuilder().add("deeper", 1)).build()));
    }

    private String extremeJson() {
        int depth = pick(List.of(1_000, 10_000, 60_000));
        return switch (random.nextInt(5)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            case 2 -> "{\"n\":1e999999999}";
            case 3 -> "{\"n\":-" + "9".repeat(5000) + "}";
            default -> "{\"s\":\"\\ud800\\udc00\\u0000\\uDFFF\"}";
        };
    }

    private FuzzRequest hugeHeader(FuzzRequest r) {
        return switch (random.nextInt(4)) {
            case 0 -> r.withHeader("X-Fuzz", "h".repeat(pick(List.of(17_000, 40_000, 70_000))));
            case 1 -> {
                FuzzRequest many = r;
                for (int i = 0; i < 150; i++) {
                    many = many.withHeader("X-Fuzz-" + i, "v" + i);
                }
                yield many;
            }
            case 2 -> r.withHeader("Authorization", "Bearer " + "t".repeat(20_000));
            default -> r.withHeader("Cookie", "JSESSIONID=" + "c".repeat(18_000));
        };
    }

    private byte[] framing(FuzzRequest r) {
        String head = r.method().equals("GET") ? "POST" : r.method();
        String start = head + " " + r.target() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (r.header("Authorization") == null ? "" : "Authorization: " + r.header("Authorization") + "\r\n")
                + "Content-Type: " + contentType(r) + "\r\n";
        byte[] body = body(r);
        String framed = switch (random.nextInt(8)) {
            case 0 -> "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n";
            case 1 -> "Transfer-Encoding: chunked\r\n\r\n7FFFFFFF\r\nabc";
            case 2 -> "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n";
            case 3 -> "Content-Length: 3\r\nContent-Length: 30\r\n\r\nabc";
            case 4 -> "Content-Length: -1\r\n\r\nabc";
            case 5 -> "Content-Length: abc\r\n\r\nabc";
            case 6 -> "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n"
                    + new String(body, 0, body.length / 2, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n";
            default -> "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nabcde\r\n0\r\n\r\n";
        };
        return utf8Latin(start + framed);
    }

    private byte[] brokenMultipart() {
        String b = "fuzzBoundary7MA4YWxkTrZu0gW";
        String part = "--" + b + "\r\nContent-Disposition: form-data; name=\"img\"; filename=\"s.png\"\r\nContent-Type: image/png\r\n\r\n";
        return utf8Latin(pick(List.of(part + "\u0089PNG\r\n\u001a\n" + "x".repeat(100),
                "--" + b + "\r\n\r\nno headers\r\n--" + b + "--\r\n",
                "--" + b + "\r\nContent-Disposition: form-data; name=\"img\"; filename=\"../../etc/passwd\r\nX: y\"\r\n\r\nabc\r\n--" + b + "--\r\n",
                "--" + b + "\r\nGarbage header line\r\n\r\nabc\r\n--" + b + "--\r\n",
                part + "\r\n--" + b + "--\r\n",
                part + "a\r\n" + part + "b\r\n--" + b + "--\r\n",
                "--" + b + "--\r\n",
                "--" + b + "\r\nContent-Disposition: form-data; name=\"img\"\r\nContent-Type: multipart/mixed; boundary=in\r\n\r\n--in\r\n\r\nx\r\n--in--\r\n--" + b + "--\r\n",
                part.substring(0, part.length() / 2))));
    }

    /** Characters RFC 3986 does not allow unencoded anywhere in a request target (java.net.http refuses them). */
    static final String RAW_CHARACTERS = "<>\"{}|^`[]\\";

    /** One such character put anywhere in the path (after its first slash) or in the query. */
    private static String rawCharacter(FuzzRequest r, Random x) {
        String target = r.target();
        int at = 1 + x.nextInt(target.length());
        return target.substring(0, at) + RAW_CHARACTERS.charAt(x.nextInt(RAW_CHARACTERS.length())) + target.substring(at);
    }

    private String trickPath(FuzzRequest r) {
        String path = r.target().split("\\?")[0];
        String query = r.target().contains("?") ? r.target().substring(r.target().indexOf('?')) : "";
        String trick = pick(PATH_TRICKS);
        String template = r.endpoint().template();
        if (template.contains("{")) {
            String[] segments = path.substring(1).split("/");
            String[] templateSegments = template.split("/");
            for (int i = 0; i < templateSegments.length && i < segments.length; i++) {
                if (templateSegments[i].startsWith("{")) {
                    segments[i] = trick;
                    break;
                }
            }
            return "/" + String.join("/", segments) + query;
        }
        return path + "/" + trick + query;
    }

    private static String contentType(FuzzRequest r) {
        String type = r.header("Content-Type");
        return type == null ? Http.JSON : type;
    }

    private byte[] body(FuzzRequest r) {
        return r.body() == null || r.body().length == 0 ? utf8(FuzzBases.PATIENT_JSON) : r.body();
    }

    private byte[] cut(byte[] body) {
        return java.util.Arrays.copyOf(body, random.nextInt(Math.max(1, body.length)));
    }

    private byte[] flip(byte[] body, int flips) {
        byte[] flipped = body.clone();
        for (int i = 0; i < flips; i++) {
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return flipped;
    }

    private byte[] insert(byte[] body, byte[] junk) {
        int at = random.nextInt(body.length + 1);
        return concat(java.util.Arrays.copyOf(body, at), junk, java.util.Arrays.copyOfRange(body, at, body.length));
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf8Latin(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
