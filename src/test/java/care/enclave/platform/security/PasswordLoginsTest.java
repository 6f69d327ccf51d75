package care.enclave.platform.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordLoginsTest {

    final PasswordLogins cut = new PasswordLogins();
    final AtomicInteger checked = new AtomicInteger();

    PasswordLoginsTest() {
        cut.identityStores = credential -> {
            checked.incrementAndGet();
            return ((UsernamePasswordCredential) credential).getPasswordAsString().equals("right")
                    ? new CredentialValidationResult("clerk", Set.of("clerk")) : CredentialValidationResult.INVALID_RESULT;
        };
    }

    @Test
    void aHeldBackLoginIsNotCheckedEvenWithTheRightPassword() {
        for (int i = 0; i < SignInThrottle.PAIR_FREE_FAILURES; i++) {
            assertFalse(cut.check("10.0.0.1", "clerk", "guess" + i).valid());
        }
        int before = checked.get();
        PasswordLogins.Outcome held = cut.check("10.0.0.1", "clerk", "right");
        assertTrue(held.throttled());
        assertFalse(held.valid());
        assertEquals(before, checked.get(), "no password checked while waiting");
        assertTrue(cut.check("10.0.0.2", "clerk", "right").valid(), "another client is unaffected");
    }

    @Test
    void aSuccessResetsTheAccountsCountForThatClient() {
        for (int i = 0; i < SignInThrottle.PAIR_FREE_FAILURES - 1; i++) {
            cut.check("10.0.0.1", "clerk", "guess" + i);
        }
        assertTrue(cut.check("10.0.0.1", "clerk", "right").valid());
        for (int i = 0; i < SignInThrottle.PAIR_FREE_FAILURES - 1; i++) {
            assertFalse(cut.check("10.0.0.1", "clerk", "again" + i).throttled());
        }
    }

    @Test
    void overLongInputIsRefusedUncheckedForAnyName() {
        assertFalse(cut.check("10.0.0.1", "clerk", "x".repeat(PasswordLogins.MAX_PASSWORD_CHARS + 1)).valid());
        assertFalse(cut.check("10.0.0.1", "u".repeat(PasswordLogins.MAX_USER_CHARS + 1), "x").valid());
        assertEquals(0, checked.get());
    }
}
