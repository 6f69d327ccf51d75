package care.enclave.attestation.control;

import care.enclave.attestation.control.AttestationFailure.Reason;
import care.enclave.attestation.entity.Policy;
import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.platform.keys.SealedFiles;
import care.enclave.platform.keys.SealingKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The SGX attestation policy, sealed on disk so nobody outside the enclave can alter it. Until an operator
 * sets one, the default allows any enclave and allows debuggable ones only where simulated evidence is
 * trusted (development). Every change, and every refused one, is audited with the new policy's hash.
 */
@ApplicationScoped
public class PolicyStore {

    private static final Set<String> FIELDS = Set.of("allowedMrEnclaves", "allowedMrSigners", "productId", "minSvn",
            "allowDebug", "allowedTcbStatuses");

    @Inject
    SealingKeys sealing;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "attestation.trust-simulated", defaultValue = "false")
    boolean trustSimulated;

    @Inject
    AuditTrail audit;

    private volatile Policy policy;

    @PostConstruct
    void open() {
        policy = SealedFiles.read(file(), sealing.forPurpose("attestation-policy"))
                .map(PolicyStore::parse)
                .orElseGet(() -> new Policy(List.of(), List.of(), null, 0, trustSimulated, List.of()));
    }

    public Policy current() {
        return policy;
    }

    /** Replaces the policy with a JSON document, which must be acceptable as a whole. */
    public void replace(JsonObject document) {
        Policy replacement;
        try {
            replacement = fromJson(document);
        } catch (InvalidPolicy invalid) {
            audit.record(AuditEvent.failure(Action.POLICY_CHANGE, "INVALID_POLICY").on("policy=SgxEnclave"));
            throw invalid;
        }
        replace(replacement);
    }

    public void replace(Policy replacement) {
        SealedFiles.write(file(), sealing.forPurpose("attestation-policy"),
                toJson(replacement).toString().getBytes(StandardCharsets.UTF_8));
        policy = replacement;
        audit.record(AuditEvent.success(Action.POLICY_CHANGE).on("policy=SgxEnclave sha256=" + hash()));
    }

    /** x-ms-policy-hash: base64url SHA-256 of the policy's canonical JSON. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(toJson(policy).toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }

    private Path file() {
        return Path.of(dataDir, "attestation", "policy-SgxEnclave.sealed");
    }

    public static JsonObject toJson(Policy p) {
        var json = JSON.createObjectBuilder()
                .add("allowedMrEnclaves", JSON.createArrayBuilder(p.allowedMrEnclaves()))
                .add("allowedMrSigners", JSON.createArrayBuilder(p.allowedMrSigners()))
                .add("minSvn", p.minSvn())
                .add("allowDebug", p.allowDebug())
                .add("allowedTcbStatuses", JSON.createArrayBuilder(p.allowedTcbStatuses()));
        if (p.productId() != null) {
            json.add("productId", p.productId());
        }
        return json.build();
    }

    public static Policy parse(byte[] json) {
        try {
            return fromJson(JSON.createReader(new ByteArrayInputStream(json)).readObject());
        } catch (JsonException | ClassCastException e) {
            throw new AttestationFailure(Reason.MALFORMED_EVIDENCE, "the policy is not a JSON object");
        }
    }

    /** Strict: unknown fields, wrong types and malformed measurements are refused, not ignored. */
    public static Policy fromJson(JsonObject json) {
        for (String key : json.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidPolicy("unknown field " + (key.matches("[A-Za-z]{1,40}") ? key : "(unnamed)"));
            }
        }
        try {
            List<String> mrEnclaves = hexList(json, "allowedMrEnclaves");
            List<String> mrSigners = hexList(json, "allowedMrSigners");
            Integer productId = json.containsKey("productId") ? json.getJsonNumber("productId").intValueExact() : null;
            int minSvn = json.containsKey("minSvn") ? json.getJsonNumber("minSvn").intValueExact() : 0;
            boolean allowDebug = json.containsKey("allowDebug") && json.getBoolean("allowDebug");
            List<String> statuses = tcbStatuses(json);
            if (minSvn < 0 || minSvn > 65535 || productId != null && (productId < 0 || productId > 65535)) {
                throw new InvalidPolicy("productId and minSvn must be 0-65535");
            }
            return new Policy(mrEnclaves, mrSigners, productId, minSvn, allowDebug, statuses);
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw new InvalidPolicy("a field has the wrong type");
        }
    }

    /** Intel's spelling only: a misspelt status would otherwise allow nothing, or not what was meant. */
    private static List<String> tcbStatuses(JsonObject json) {
        List<String> statuses = json.containsKey("allowedTcbStatuses")
                ? json.getJsonArray("allowedTcbStatuses").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList() : List.of();
        for (String status : statuses) {
            if (Arrays.stream(TcbLevelStatus.values()).noneMatch(known -> known.name().equals(status))) {
                throw new InvalidPolicy("allowedTcbStatuses", "allowedTcbStatuses lists a status that is not one of "
                        + Arrays.toString(TcbLevelStatus.values()));
            }
        }
        return statuses;
    }

    private static List<String> hexList(JsonObject json, String name) {
        JsonArray values = json.containsKey(name) ? json.getJsonArray(name) : JsonValue.EMPTY_JSON_ARRAY;
        List<String> hex = values.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        if (hex.stream().anyMatch(h -> !h.matches("[0-9A-Fa-f]{64}"))) {
            throw new InvalidPolicy(name + " must list 64-digit hex measurements");
        }
        return hex;
    }

    /** A policy document that is not acceptable; {@link #field()} names the offending field where one does. */
    public static final class InvalidPolicy extends RuntimeException {

        private final String field;

        public InvalidPolicy(String message) {
            this(null, message);
        }

        public InvalidPolicy(String field, String message) {
            super("Invalid policy: " + message, null, false, false);
            this.field = field;
        }

        public java.util.Optional<String> field() {
            return java.util.Optional.ofNullable(field);
        }
    }
}
