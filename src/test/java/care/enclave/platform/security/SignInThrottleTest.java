package care.enclave.platform.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final SignInThrottle cut = new SignInThrottle(now::get);

    private void fail(String account, String client, int times) {
        for (int i = 0; i < times; i++) {
            cut.failed(account, client);
        }
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(seconds * 1_000_000_000L);
    }

    @Test
    void theFirstFailuresOfAnAccountFromAClientAreFree() {
        fail("clerk", "10.0.0.1", SignInThrottle.PAIR_FREE_FAILURES - 1);
        assertEquals(0, cut.retryAfterSeconds("clerk", "10.0.0.1"));
    }

    @Test
    void furtherFailuresWaitTwiceAsLongEachTime() {
        fail("clerk", "10.0.0.1", SignInThrottle.PAIR_FREE_FAILURES);
        assertEquals(1, cut.retryAfterSeconds("clerk", "10.0.0.1"));
        fail("clerk", "10.0.0.1", 2);
        assertEquals(4, cut.retryAfterSeconds("clerk", "10.0.0.1"));
        advanceSeconds(4);
        assertEquals(0, cut.retryAfterSeconds("clerk", "10.0.0.1"));
    }

    @Test
    void theWaitIsCappedAtAMinute() {
        fail("clerk", "10.0.0.1", 25);
        assertEquals(SignInThrottle.MAX_LOCK_SECONDS, cut.retryAfterSeconds("clerk", "10.0.0.1"));
    }

    @Test
    void anAttackerElsewhereCannotLockTheAccountOut() {
        fail("clerk", "10.6.6.6", 25);
        assertEquals(SignInThrottle.MAX_LOCK_SECONDS, cut.retryAfterSeconds("clerk", "10.6.6.6"));
        assertEquals(0, cut.retryAfterSeconds("clerk", "10.0.0.1"));
    }

    @Test
    void otherAccountsFromTheSameClientWaitOnlyPastTheLooserClientLimit() {
        fail("clerk", "10.0.0.1", 25);
        assertEquals(0, cut.retryAfterSeconds("auditor", "10.0.0.1"));
        for (int i = 25; i < SignInThrottle.CLIENT_FREE_FAILURES; i++) {
            cut.failed("name" + i, "10.0.0.1");
        }
        assertTrue(cut.retryAfterSeconds("auditor", "10.0.0.1") > 0, "many names from one client");
        assertEquals(0, cut.retryAfterSeconds("auditor", "10.0.0.2"));
    }

    @Test
    void aSuccessClearsItsPairButNotTheClientsOtherFailures() {
        fail("clerk", "10.0.0.1", 10);
        cut.succeeded("clerk", "10.0.0.1");
        assertEquals(0, cut.retryAfterSeconds("clerk", "10.0.0.1"));
        fail("x", "10.0.0.1", SignInThrottle.CLIENT_FREE_FAILURES - 10);
        cut.succeeded("clerk", "10.0.0.1");
        assertTrue(cut.retryAfterSeconds("clerk", "10.0.0.1") > 0, "a valid account does not reset the client");
    }

    @Test
    void oneFailureIsForgottenPerMinute() {
        fail("clerk", "10.0.0.1", SignInThrottle.PAIR_FREE_FAILURES - 1);
        advanceSeconds(60);
        cut.failed("clerk", "10.0.0.1");
        assertEquals(0, cut.retryAfterSeconds("clerk", "10.0.0.1"));
        cut.failed("clerk", "10.0.0.1");
        assertEquals(1, cut.retryAfterSeconds("clerk", "10.0.0.1"));
    }

    @Test
    void rotatingUserNamesCannotGrowMemoryNorFlushALockedPair() {
        fail("clerk", "10.6.6.6", 25);
        for (int i = 0; i < SignInThrottle.MAX_KEYS * 2; i++) {
            cut.failed("name" + i, "10.6.6." + (i % 200));
        }
        assertTrue(cut.size() <= 2 * SignInThrottle.MAX_KEYS, "size " + cut.size());
        assertEquals(SignInThrottle.MAX_LOCK_SECONDS, cut.retryAfterSeconds("clerk", "10.6.6.6"));
    }
}
