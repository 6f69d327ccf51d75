package care.enclave.audit.control;

import care.enclave.audit.control.ChainVerifier.Verification;
import care.enclave.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the trail for auditors: pages of entries, a full verification of the chain, and the entries that
 * name one record. Entries that do not open are reported by position, never guessed at.
 */
@ApplicationScoped
public class AuditReader {

    private static final int SCAN_PAGE = 500;

    @Inject
    AuditLog log;

    @Inject
    AuditKeys keys;

    @Inject
    ChainWriter writer;

    /** A stored entry at a position: the entry, or empty when it does not open. */
    public record Stored(long position, Optional<AuditEntry> entry) {
    }

    public static AuditReader over(AuditLog log, AuditKeys keys, ChainWriter writer) {
        AuditReader reader = new AuditReader();
        reader.log = log;
        reader.keys = keys;
        reader.writer = writer;
        return reader;
    }

    /** Up to {@code limit} entries after position {@code after}. */
    public List<Stored> page(long after, int limit) {
        List<byte[]> stored = log.range(after + 1, after + limit);
        List<Stored> page = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            page.add(new Stored(after + 1 + i, AuditCodec.openEntry(keys.seal(), stored.get(i))));
        }
        return page;
    }

    public Verification verify() {
        AuditLog.State state = log.state();
        ChainVerifier verifier = new ChainVerifier(keys.chain(), keys.seal());
        for (long from = 1; from <= state.length(); from += SCAN_PAGE) {
            log.range(from, Math.min(state.length(), from + SCAN_PAGE - 1)).forEach(verifier::accept);
        }
        return verifier.finish(state.head(), writer.highestWritten());
    }

    public long lostSinceStart() {
        return writer.lostSinceStart();
    }

    public String subjectOf(String recordId) {
        return keys.subjectOf(recordId);
    }

    /** Every readable entry naming the record; a linear scan, as lookups are rare and auditor-only. */
    public List<AuditEntry> lookup(String recordId) {
        String subject = keys.subjectOf(recordId);
        long length = log.state().length();
        List<AuditEntry> found = new ArrayList<>();
        for (long from = 1; from <= length; from += SCAN_PAGE) {
            page(from - 1, SCAN_PAGE).stream().flatMap(s -> s.entry().stream())
                    .filter(e -> e.subject().equals(subject)).forEach(found::add);
        }
        return found;
    }
}
