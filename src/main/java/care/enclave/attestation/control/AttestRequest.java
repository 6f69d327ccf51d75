package care.enclave.attestation.control;

import care.enclave.attestation.entity.Collateral;
import care.enclave.attestation.entity.RuntimeData;
import care.enclave.platform.problem.InvalidRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Base64;
import java.util.Set;

/**
 * The body of Azure Attestation's attest calls: {@code {"quote"|"report": b64url, "runtimeData": {"data":
 * b64url, "dataType": "Binary"|"JSON"}, "nonce"?: string}}, plus our optional {@code "audience"} (the service
 * the token is for, issued as {@code aud}) and {@code "collateral"} (Intel PCS collateral) for a TCB status.
 * Strict about types and encodings.
 */
public record AttestRequest(byte[] evidence, RuntimeData runtimeData, String nonce, String audience,
                            Collateral collateral) {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> API_VERSIONS = Set.of("2022-08-01", "2020-10-01", "2022-09-01-preview");

    public static void requireApiVersion(String version) {
        if (version == null || !API_VERSIONS.contains(version)) {
            throw new InvalidRequest("api-version must be one of " + API_VERSIONS);
        }
    }

    /** @param evidenceField "quote" for SGX, "report" for Open Enclave */
    public static AttestRequest parse(JsonObject body, String evidenceField) {
        byte[] evidence = base64Url(string(body, evidenceField), evidenceField);
        RuntimeData runtime = null;
        JsonValue runtimeValue = body.get("runtimeData");
        if (runtimeValue != null && runtimeValue.getValueType() != JsonValue.ValueType.NULL) {
            if (runtimeValue.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequest("runtimeData must be an object {data, dataType}");
            }
            JsonObject object = runtimeValue.asJsonObject();
            String type = object.containsKey("dataType") ? string(object, "dataType") : "Binary";
            if (!type.equals("Binary") && !type.equals("JSON")) {
                throw new InvalidRequest("runtimeData.dataType must be Binary or JSON");
            }
            runtime = new RuntimeData(base64Url(string(object, "data"), "runtimeData.data"), type.equals("JSON"));
        }
        String nonce = body.containsKey("nonce") && !body.isNull("nonce") ? string(body, "nonce") : null;
        if (nonce != null && (nonce.length() > 512 || !nonce.matches("[\\x21-\\x7e]*"))) {
            throw new InvalidRequest("nonce must be at most 512 printable ASCII characters");
        }
        String audience = body.containsKey("audience") && !body.isNull("audience") ? string(body, "audience") : null;
        if (audience != null && (audience.isEmpty() || audience.length() > 256 || !audience.matches("[\\x21-\\x7e]*"))) {
            throw new InvalidRequest("audience must be 1-256 printable ASCII characters");
        }
        JsonValue collateral = body.get("collateral");
        if (collateral != null && collateral.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidRequest("collateral must be an object of Intel PCS collateral");
        }
        return new AttestRequest(evidence, runtime, nonce, audience,
                collateral == null ? null : Collateral.fromJson(collateral.asJsonObject()));
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonString text)) {
            throw new InvalidRequest(name + " must be a string");
        }
        return text.getString();
    }

    /** Azure uses base64url; standard base64 and padding are accepted too, as its SDKs send both. */
    static byte[] base64Url(String text, String name) {
        try {
            String url = text.strip().replace('+', '-').replace('/', '_').replace("=", "");
            return Base64.getUrlDecoder().decode(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(name + " is not base64url");
        }
    }
}
