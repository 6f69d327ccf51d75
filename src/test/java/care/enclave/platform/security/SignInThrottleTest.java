package care.enclave.platform.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignInThrottleTest {

    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final SignInThrottle cut = new SignInThrottle(now::get);

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            cut.failed(key);
        }
    }

    private void advanceSeconds(long seconds) {
        now.addAndGet(seconds * 1_000_000_000L);
    }

    @Test
    void theFirstFailuresAreFree() {
        fail("client:1", SignInThrottle.FREE_FAILURES - 1);
        assertEquals(0, cut.retryAfterSeconds("client:1"));
    }

    @Test
    void furtherFailuresWaitTwiceAsLongEachTime() {
        fail("client:1", SignInThrottle.FREE_FAILURES);
        assertEquals(1, cut.retryAfterSeconds("client:1"));
        fail("client:1", 2);
        assertEquals(4, cut.retryAfterSeconds("client:1"));
        advanceSeconds(4);
        assertEquals(0, cut.retryAfterSeconds("client:1"));
    }

    @Test
    void theWaitIsCappedSoAnAccountCannotBeLockedOutForLong() {
        fail("account:clerk", 40);
        assertEquals(SignInThrottle.MAX_LOCK_SECONDS, cut.retryAfterSeconds("account:clerk"));
    }

    @Test
    void aSuccessClearsTheKeyAndOtherKeysAreUnaffected() {
        fail("client:1", 10);
        assertEquals(0, cut.retryAfterSeconds("client:2"));
        cut.succeeded("client:1");
        assertEquals(0, cut.retryAfterSeconds("client:1"));
    }
}
