package it.care.enclave;

import care.enclave.platform.crypto.SealedExchange;
import care.enclave.platform.crypto.SealedExchangeJson;
import it.care.enclave.Endpoints.Endpoint;
import it.care.enclave.Endpoints.Server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A well-formed, authorised request for each endpoint: what the fuzzer mutates, so that mutations reach the
 * endpoint's own parsing and checks, not only the authentication in front of it. Endpoints it does not know
 * (added after this test) get a generic base and are fuzzed all the same.
 */
final class FuzzBases {

    static final String MODEL = "tiny-sigmoid";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final String clerk = ItServer.clerkAuth();
    final String operator = ItServer.basicAuth("operator", ItServer.generatedPassword("operator"));
    final String auditor = AuditIT.auditor();
    final String ownToken = AttestationIT.ownToken("fuzz");
    final byte[] quote = vector("intel_sdk_release.quote.bin");
    final byte[] oeReport = vector("azure_sdk_oe_debug.oe_report.bin");
    final byte[] png;
    final String policy;
    final String platformInfer;
    final String providerInfer;
    final String requestId = UUID.randomUUID().toString();

    FuzzBases() throws Exception {
        png = DelineateIT.sampleSlice();
        policy = Http.get("/policies/SgxEnclave", operator).body();
        platformInfer = sealedInfer(Http.get("/inference/attestation/evidence", null).body());
        providerInfer = sealedInfer(ProviderIT.provider(java.net.http.HttpRequest.newBuilder(
                ProviderIT.providerUri("/inference/attestation/evidence"))).body());
    }

    FuzzRequest base(Endpoint endpoint, Random random) {
        String path = "/" + resolve(endpoint.template(), random);
        List<String[]> headers = new ArrayList<>();
        FuzzRequest request = new FuzzRequest(endpoint, "base", endpoint.method(), path, headers, null, null);
        return switch (endpoint.key()) {
            case "POST patient/{id}" -> random.nextBoolean()
                    ? request.withBody(Http.FORM, utf8(Http.seedForm(""))).withHeader("Authorization", clerk)
                    : request.withBody(Http.JSON, utf8(PATIENT_JSON)).withHeader("Authorization", clerk);
            case "GET patient/{id}", "POST delineate", "GET score/{id}" -> endpoint.key().equals("POST delineate")
                    ? multipart(request.withHeader("Authorization", clerk), png)
                    : request.withHeader("Authorization", clerk);
            case "POST attest/SgxEnclave" -> request.withTarget(path + "?api-version=2022-08-01")
                    .withBody(Http.JSON, utf8("{\"quote\":\"" + B64.encodeToString(quote) + "\"}"));
            case "POST attest/OpenEnclave" -> request.withTarget(path + "?api-version=2022-08-01")
                    .withBody(Http.JSON, utf8("{\"report\":\"" + B64.encodeToString(oeReport) + "\"}"));
            case "GET policies/SgxEnclave" -> request.withHeader("Authorization", operator);
            case "GET audit" -> request.withHeader("Authorization", auditor).withTarget(path + "?after=0&limit=5");
            case "GET audit/verify" -> request.withHeader("Authorization", auditor);
            case "POST audit/lookup" -> request.withHeader("Authorization", auditor)
                    .withBody(Http.JSON, utf8("{\"id\":\"fz_" + random.nextInt(1000) + "\"}"));
            case "POST patient/{id}/delineate" -> multipart(request.withHeader("Authorization", clerk), png);
            case "PUT policies/SgxEnclave" -> request.withHeader("Authorization", operator).withBody(Http.JSON, utf8(policy));
            case "POST keys/{name}/release" -> request.withBody(Http.JSON, utf8("{\"target\":\"" + ownToken + "\"}"));
            case "GET attestation/evidence", "GET sgx_report", "GET inference/attestation/evidence" ->
                    request.withTarget(path + "?nonce=fuzz" + random.nextInt(1000));
            case "POST inference/v2/models/{name}/infer" -> request.withHeader("Authorization", "Bearer " + ownToken)
                    .withHeader("X-Request-Id", requestId)
                    .withBody(Http.JSON, utf8(endpoint.server() == Server.PLATFORM ? platformInfer : providerInfer));
            // Rotating the signing key is an operator's act; the fuzzer only knocks without the role.
            case "POST attestation/signing-keys/rotate" -> request.withHeader("Authorization", clerk).withBody(Http.JSON, new byte[0]);
            default -> request.withHeader("Authorization", clerk)
                    .withBody(endpoint.method().equals("GET") ? null : Http.JSON, endpoint.method().equals("GET") ? null : utf8("{}"));
        };
    }

    static final String PATIENT_JSON = "{\"fname\":\"Ann\",\"lname\":\"Lee\",\"address\":\"1 Way\",\"city\":\"Oslo\","
            + "\"state\":\"Oslo\",\"ssn\":\"NO-1234\",\"email\":\"ann@example.org\",\"dob\":\"1950-03-01\","
            + "\"contactphone\":\"+47 123 45 678\",\"drugallergies\":null,\"preexistingconditions\":\"COPD\","
            + "\"dateadmitted\":\"2024-02-01\",\"insurancedetails\":\"\"}";

    static FuzzRequest multipart(FuzzRequest request, byte[] image) {
        String boundary = "fuzzBoundary7MA4YWxkTrZu0gW";
        byte[] body = concat(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"img\"; filename=\"s.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"), image, utf8("\r\n--" + boundary + "--\r\n"));
        return request.withBody("multipart/form-data; boundary=" + boundary, body);
    }

    static String resolve(String template, Random random) {
        String name = template.startsWith("keys/") ? "patients-data" : MODEL;
        return template.replace("{id}", "fz_" + Long.toString(random.nextLong() >>> 1, 36))
                .replace("{name}", name).replaceAll("\\{[^}]+}", "fz" + random.nextInt(1000));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private String sealedInfer(String evidence) throws Exception {
        var key = InferenceIT.providerKey(Http.json(evidence));
        byte[] aad = SealedExchange.associatedData(MODEL, requestId);
        return SealedExchangeJson.encodeRequest(SealedExchange.seal(key, utf8(InferenceIT.request(0.5f)), aad));
    }

    private static byte[] vector(String name) throws Exception {
        Path file = Path.of(System.getProperty("shared.dir", "../shared"), "vectors/sgx", name);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "SKIPPED: vectors not at " + file);
        return Files.readAllBytes(file);
    }
}
