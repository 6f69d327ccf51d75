package care.enclave.audit.control;

import care.enclave.platform.keys.SealingKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The trail's three keys, each derived for its own purpose from the enclave's master secret, so none of
 * them relates to another or to the patients' index key: the chain key (HMAC over the entries), the subject
 * key (keyed hashes of record ids: the same id gives a different value here than in a Redis key name) and
 * the sealing key (AES-GCM over each stored entry).
 */
@ApplicationScoped
public class AuditKeys {

    @Inject
    SealingKeys sealing;

    private SecretKey chain;
    private SecretKey subject;
    private SecretKey seal;

    /** Keys outside the container (tests, tools). */
    public static AuditKeys of(SealingKeys sealing) {
        AuditKeys keys = new AuditKeys();
        keys.sealing = sealing;
        keys.derive();
        return keys;
    }

    @PostConstruct
    void derive() {
        chain = hmacKey(sealing.forPurpose("audit-chain"));
        subject = hmacKey(sealing.forPurpose("audit-subject"));
        seal = sealing.forPurpose("audit-seal");
    }

    SecretKey chain() {
        return chain;
    }

    SecretKey seal() {
        return seal;
    }

    /** The keyed hash an entry names a record by: base64url HMAC-SHA-256(subject key, id). */
    public String subjectOf(String recordId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac(subject, ("record-id:" + recordId).getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(SecretKey key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AuditKeys: HmacSHA256 unavailable");
        }
    }

    private static SecretKey hmacKey(SecretKey derived) {
        return new SecretKeySpec(derived.getEncoded(), "HmacSHA256");
    }
}
