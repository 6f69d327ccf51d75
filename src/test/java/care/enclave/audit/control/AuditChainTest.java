package care.enclave.audit.control;

import care.enclave.audit.control.AuditChain.Draft;
import care.enclave.audit.entity.Actor;
import care.enclave.audit.entity.AuditEntry;
import care.enclave.audit.entity.ChainHead;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain's macs and canonical form, without storage: every field and the link are covered. */
class AuditChainTest {

    static final SecretKey KEY = new SecretKeySpec(new byte[32], "HmacSHA256");
    static final Instant TIME = Instant.parse("2025-01-02T03:04:05.678Z");

    static Draft draft(String action, String reason) {
        return new Draft(new Actor("staff", "clerk"), action, "c3ViamVjdA", "", "SUCCESS", reason, "corr-0001");
    }

    @Test
    void linkedEntriesAreNumberedAndEachNamesItsPredecessorsMac() {
        List<AuditEntry> entries = AuditChain.link(KEY, ChainHead.genesis(),
                List.of(draft("PATIENT_CREATE", ""), draft("PATIENT_READ", ""), draft("SCORE_READ", "")), TIME);

        assertEquals(List.of(1L, 2L, 3L), entries.stream().map(AuditEntry::seq).toList());
        assertArrayEquals(new byte[32], entries.get(0).prev());
        assertArrayEquals(entries.get(0).mac(), entries.get(1).prev());
        assertArrayEquals(entries.get(1).mac(), entries.get(2).prev());
        assertTrue(entries.stream().allMatch(e -> AuditChain.authentic(KEY, e)));
    }

    @Test
    void changingAnyFieldInvalidatesTheMac() {
        AuditEntry e = AuditChain.link(KEY, ChainHead.genesis(), List.of(draft("PATIENT_READ", "")), TIME).get(0);
        List<AuditEntry> altered = List.of(
                new AuditEntry(2, e.time(), e.actor(), e.action(), e.subject(), e.target(), e.outcome(), e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time().plusMillis(1), e.actor(), e.action(), e.subject(), e.target(), e.outcome(), e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), new Actor("staff", "operator"), e.action(), e.subject(), e.target(), e.outcome(), e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), new Actor("partner", "clerk"), e.action(), e.subject(), e.target(), e.outcome(), e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), e.actor(), "PATIENT_CREATE", e.subject(), e.target(), e.outcome(), e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), e.actor(), e.action(), "b3RoZXI", e.target(), e.outcome(), e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), e.actor(), e.action(), e.subject(), "key=x", e.outcome(), e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), e.actor(), e.action(), e.subject(), e.target(), "FAILURE", e.reason(), e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), e.actor(), e.action(), e.subject(), e.target(), e.outcome(), "EXISTS", e.correlation(), e.prev(), e.mac()),
                new AuditEntry(1, e.time(), e.actor(), e.action(), e.subject(), e.target(), e.outcome(), e.reason(), "corr-0002", e.prev(), e.mac()),
                new AuditEntry(1, e.time(), e.actor(), e.action(), e.subject(), e.target(), e.outcome(), e.reason(), e.correlation(), new byte[]{1}, e.mac()));

        assertTrue(AuditChain.authentic(KEY, e));
        for (AuditEntry changed : altered) {
            assertFalse(AuditChain.authentic(KEY, changed), changed.toString());
        }
    }

    @Test
    void anotherKeyGivesAnotherMacSoNobodyWithoutTheKeyCanChain() {
        AuditEntry e = AuditChain.link(KEY, ChainHead.genesis(), List.of(draft("PATIENT_READ", "")), TIME).get(0);
        SecretKey other = new SecretKeySpec(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "HmacSHA256");

        assertFalse(AuditChain.authentic(other, e));
    }

    @Test
    void theCanonicalFormSeparatesFieldsUnambiguously() {
        AuditEntry a = new AuditEntry(1, TIME, new Actor("staff", "ab"), "c", "", "", "SUCCESS", "", "", new byte[32], null);
        AuditEntry b = new AuditEntry(1, TIME, new Actor("staff", "a"), "bc", "", "", "SUCCESS", "", "", new byte[32], null);
        AuditEntry c = new AuditEntry(1, TIME, new Actor("staff", "a"), "bc", "", "", "SUCCESS", "", "", new byte[32], null);

        assertFalse(Arrays.equals(AuditChain.canonical(a), AuditChain.canonical(b)));
        assertArrayEquals(AuditChain.canonical(b), AuditChain.canonical(c));
        assertTrue(new String(AuditChain.canonical(a), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("\0\0\0\u001Benclave-care/audit-entry/v1"), "domain label first");
    }

    @Test
    void theCodecRoundTripsEveryFieldAndRefusesForeignEnvelopes() {
        SecretKey seal = new SecretKeySpec(new byte[32], "AES");
        AuditEntry e = AuditChain.link(KEY, ChainHead.genesis(), List.of(draft("KEY_RELEASE", "RELEASE_POLICY_VIOLATION")), TIME).get(0);
        byte[] stored = AuditCodec.sealEntry(seal, e);
        AuditEntry opened = AuditCodec.openEntry(seal, stored).orElseThrow();

        assertEquals(AuditCodec.json(e), AuditCodec.json(opened));
        assertTrue(AuditChain.authentic(KEY, opened));
        assertTrue(AuditCodec.openHead(seal, stored).isEmpty(), "an entry never passes for a head");
        assertTrue(AuditCodec.openEntry(seal, AuditCodec.sealHead(seal, ChainHead.genesis())).isEmpty());
        stored[stored.length - 1] ^= 1;
        assertTrue(AuditCodec.openEntry(seal, stored).isEmpty(), "an edited envelope does not open");
    }
}
