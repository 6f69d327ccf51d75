package care.enclave.audit.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.entity.AuditEntry;
import care.enclave.audit.entity.ChainHead;

import javax.crypto.SecretKey;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Walks the stored entries in order and reports the first place where the chain is not what the enclave
 * wrote: an entry that does not open (edited or forged), one out of sequence (removed, reordered,
 * inserted or duplicated), one whose {@code prev} is not its predecessor's mac or whose mac is wrong, a
 * recorded recovery, and at the end a head that does not name the last entry (tail cut off or rolled back).
 */
public final class ChainVerifier {

    private final SecretKey chainKey;
    private final SecretKey sealKey;
    private long position;
    private byte[] prev = ChainHead.genesis().mac();
    private Break broken;

    /** Where the chain first breaks: the position (= expected sequence number) and why. */
    public record Break(long seq, String problem) {
    }

    /** The outcome of a walk over {@code entries} stored entries. */
    public record Verification(long entries, Optional<Break> firstBreak, Optional<ChainHead> head) {

        public boolean ok() {
            return firstBreak.isEmpty();
        }
    }

    public ChainVerifier(SecretKey chainKey, SecretKey sealKey) {
        this.chainKey = chainKey;
        this.sealKey = sealKey;
    }

    /** The next stored entry, in list order. */
    public void accept(byte[] stored) {
        position++;
        if (broken != null) {
            return;
        }
        Optional<AuditEntry> opened = AuditCodec.openEntry(sealKey, stored);
        if (opened.isEmpty()) {
            broken = new Break(position, "entry-unreadable");
            return;
        }
        AuditEntry entry = opened.get();
        if (entry.seq() != position) {
            broken = new Break(position, "out-of-sequence");
        } else if (!MessageDigest.isEqual(entry.prev(), prev)) {
            broken = new Break(position, "link-broken");
        } else if (!AuditChain.authentic(chainKey, entry)) {
            broken = new Break(position, "mac-invalid");
        } else if (Action.AUDIT_CHAIN_RECOVERED.name().equals(entry.action())) {
            broken = new Break(position, "recovered-after-" + entry.reason());
        }
        prev = entry.mac();
    }

    /**
     * @param storedHead  the head read together with the log's length (empty bytes: none)
     * @param highestKnown the highest sequence number this replica wrote
     */
    public Verification finish(byte[] storedHead, long highestKnown) {
        Optional<ChainHead> head = storedHead.length == 0 ? Optional.empty() : AuditCodec.openHead(sealKey, storedHead);
        if (broken == null) {
            broken = headProblem(storedHead, head, highestKnown);
        }
        return new Verification(position, Optional.ofNullable(broken), head);
    }

    private Break headProblem(byte[] storedHead, Optional<ChainHead> head, long highestKnown) {
        if (storedHead.length == 0) {
            return position == 0 && highestKnown == 0 ? null : new Break(position + 1, "head-missing");
        }
        if (head.isEmpty()) {
            return new Break(position + 1, "head-unreadable");
        }
        if (head.get().seq() > position || highestKnown > position) {
            return new Break(position + 1, "tail-missing");
        }
        if (head.get().seq() < position || !Arrays.equals(head.get().mac(), prev)) {
            return new Break(head.get().seq() + 1, "head-does-not-match-log");
        }
        return null;
    }
}
