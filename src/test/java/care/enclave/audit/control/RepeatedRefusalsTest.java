package care.enclave.audit.control;

import care.enclave.audit.entity.Actor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatedRefusalsTest {

    final AtomicLong now = new AtomicLong(5_000_000_000_000L);
    final RepeatedRefusals cut = new RepeatedRefusals(now::get);
    final RepeatedRefusals.Key clerkFromA = new RepeatedRefusals.Key("10.0.0.1", new Actor("claimed", "clerk"),
            "basic-credentials-rejected");

    private void advanceSeconds(long seconds) {
        now.addAndGet(seconds * 1_000_000_000L);
    }

    @Test
    void theFirstRefusalIsRecordedAtOnceAndAFloodAsOneCountedEntry() {
        assertTrue(cut.first(clerkFromA, "c0"));
        for (int i = 1; i <= 1000; i++) {
            assertFalse(cut.first(clerkFromA, "c" + i));
        }
        assertEquals(List.of(), cut.closed(), "the window is still open");
        advanceSeconds(RepeatedRefusals.WINDOW_SECONDS);
        assertEquals(List.of(new RepeatedRefusals.Repeated(clerkFromA, 1000, "c1")), cut.closed());
        assertEquals(List.of(), cut.closed(), "taken once");
        assertTrue(cut.first(clerkFromA, "next"), "a new window opens with a recorded refusal");
    }

    @Test
    void aSingleRefusalLeavesNoCountedEntry() {
        cut.first(clerkFromA, "c0");
        advanceSeconds(RepeatedRefusals.WINDOW_SECONDS);
        assertEquals(List.of(), cut.closed());
    }

    @Test
    void otherClientsAndActorsHaveWindowsOfTheirOwn() {
        cut.first(clerkFromA, "c0");
        assertTrue(cut.first(new RepeatedRefusals.Key("10.0.0.2", clerkFromA.actor(), clerkFromA.reason()), "c1"));
        assertTrue(cut.first(new RepeatedRefusals.Key("10.0.0.1", Actor.ANONYMOUS, clerkFromA.reason()), "c2"));
    }

    @Test
    void tooManyKeysAreAllTakenAtOnce() {
        for (int i = 0; i < RepeatedRefusals.MAX_KEYS; i++) {
            RepeatedRefusals.Key key = new RepeatedRefusals.Key("10.1." + i, Actor.ANONYMOUS, "basic-credentials-rejected");
            cut.first(key, "a");
            cut.first(key, "b");
        }
        assertEquals(RepeatedRefusals.MAX_KEYS, cut.closed().size());
        assertEquals(List.of(), cut.closed());
    }
}
