package care.enclave.audit.control;

import care.enclave.audit.entity.Actor;
import care.enclave.audit.entity.AuditEntry;
import care.enclave.audit.entity.ChainHead;

import javax.crypto.SecretKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Links entries into the chain: each entry's mac is HMAC-SHA-256 under the chain key over the previous
 * mac and the entry's canonical form. Without the key (which exists only in the enclave) nobody can make
 * a mac, so an entry can be neither altered nor forged, and because each mac covers its predecessor's,
 * entries can be neither removed, reordered nor inserted without breaking the links after them.
 */
public final class AuditChain {

    private static final byte[] DOMAIN = "enclave-care/audit-entry/v1".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /** What is recorded, before it has a place in the chain. Optional fields are empty, never null. */
    public record Draft(Actor actor, String action, String subject, String target, String outcome, String reason,
                        String correlation) {
    }

    /** The drafts as the entries that follow {@code head}, all stamped {@code time}. */
    public static List<AuditEntry> link(SecretKey chainKey, ChainHead head, List<Draft> drafts, Instant time) {
        List<AuditEntry> entries = new ArrayList<>(drafts.size());
        long seq = head.seq();
        byte[] prev = head.mac();
        for (Draft d : drafts) {
            AuditEntry unsigned = new AuditEntry(++seq, time, d.actor(), d.action(), d.subject(), d.target(),
                    d.outcome(), d.reason(), d.correlation(), prev, null);
            byte[] mac = mac(chainKey, unsigned);
            entries.add(withMac(unsigned, mac));
            prev = mac;
        }
        return entries;
    }

    /** The mac the entry must carry, computed from its fields and its {@code prev}. */
    public static byte[] mac(SecretKey chainKey, AuditEntry entry) {
        return AuditKeys.hmac(chainKey, canonical(entry));
    }

    /** Whether the entry's mac is the one its fields and {@code prev} call for (constant time). */
    public static boolean authentic(SecretKey chainKey, AuditEntry entry) {
        return entry.mac() != null && MessageDigest.isEqual(mac(chainKey, entry), entry.mac());
    }

    /**
     * Every field length-prefixed, in a fixed order, after a domain label: no two different entries share
     * an encoding (moving characters between adjacent fields changes the lengths).
     */
    static byte[] canonical(AuditEntry e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, DOMAIN);
        field(out, e.prev());
        field(out, ByteBuffer.allocate(Long.BYTES).putLong(e.seq()).array());
        for (String text : List.of(e.time().toString(), e.actor().kind(), e.actor().name(), e.action(), e.subject(),
                e.target(), e.outcome(), e.reason(), e.correlation())) {
            field(out, text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static AuditEntry withMac(AuditEntry e, byte[] mac) {
        return new AuditEntry(e.seq(), e.time(), e.actor(), e.action(), e.subject(), e.target(), e.outcome(),
                e.reason(), e.correlation(), e.prev(), mac);
    }
}
