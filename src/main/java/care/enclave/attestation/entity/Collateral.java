package care.enclave.attestation.entity;

import care.enclave.attestation.control.AttestationFailure;
import care.enclave.attestation.control.AttestationFailure.Reason;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Intel's verification collateral for one quote, as a PCCS or dcap-qvl hands it out: CRLs with the chain of
 * the PCK CRL's issuer, and the signed TCB info and QE identity with their signing chains. TCB info and QE
 * identity are kept as the exact text Intel signed, because the signature covers those bytes and no re-encoding.
 * Nothing here is trusted until {@code control.CollateralVerifier} has checked it.
 */
public record Collateral(String pckCrlIssuerChain, byte[] rootCaCrl, byte[] pckCrl,
                         String tcbInfoIssuerChain, String tcbInfo, byte[] tcbInfoSignature,
                         String qeIdentityIssuerChain, String qeIdentity, byte[] qeIdentitySignature) {

    /** Incomplete collateral cannot be built, so no check can be skipped for want of its input. */
    public Collateral {
        if (Stream.of(pckCrlIssuerChain, rootCaCrl, pckCrl, tcbInfoIssuerChain, tcbInfo, tcbInfoSignature,
                qeIdentityIssuerChain, qeIdentity, qeIdentitySignature).anyMatch(Objects::isNull)) {
            throw invalid();
        }
    }

    /**
     * Reads the snake_case keys of dcap-qvl's JSON (CRLs and signatures as hex) or their camelCase twins. A key
     * given in both spellings is refused: two values would leave it open which one was checked.
     */
    public static Collateral fromJson(JsonObject json) {
        if (json == null) {
            throw invalid();
        }
        return new Collateral(text(json, "pck_crl_issuer_chain", "pckCrlIssuerChain"),
                hex(json, "root_ca_crl", "rootCaCrl"), hex(json, "pck_crl", "pckCrl"),
                text(json, "tcb_info_issuer_chain", "tcbInfoIssuerChain"), text(json, "tcb_info", "tcbInfo"),
                hex(json, "tcb_info_signature", "tcbInfoSignature"),
                text(json, "qe_identity_issuer_chain", "qeIdentityIssuerChain"),
                text(json, "qe_identity", "qeIdentity"), hex(json, "qe_identity_signature", "qeIdentitySignature"));
    }

    private static String text(JsonObject json, String snake, String camel) {
        if (json.containsKey(snake) && json.containsKey(camel)) {
            throw invalid();
        }
        JsonValue value = json.containsKey(snake) ? json.get(snake) : json.get(camel);
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            throw invalid();
        }
        return string.getString();
    }

    private static byte[] hex(JsonObject json, String snake, String camel) {
        try {
            return HexFormat.of().parseHex(text(json, snake, camel).strip());
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static AttestationFailure invalid() {
        return new AttestationFailure(Reason.COLLATERAL_INVALID, "the collateral lacks a field or has a malformed one");
    }
}
