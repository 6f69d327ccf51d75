package care.enclave.platform.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Equal work for every refusal, checked by structure (a counting hasher), not by timing. */
class StaffIdentityStoreTest {

    final StaffIdentityStore cut = new StaffIdentityStore();
    final AtomicInteger verified = new AtomicInteger();
    final Map<String, String> hashesSeen = new java.util.HashMap<>();

    StaffIdentityStoreTest() {
        Map<StaffAccount, String> hashes = new EnumMap<>(StaffAccount.class);
        for (StaffAccount account : StaffAccount.values()) {
            hashes.put(account, PasswordHashes.hash(("right-" + account.userName()).toCharArray()));
        }
        cut.hashes = hashes;
        cut.hashVerifier = (password, hash) -> {
            verified.incrementAndGet();
            hashesSeen.put(new String(password), hash);
            return PasswordHashes.verify(password, hash);
        };
    }

    private CredentialValidationResult.Status validate(String user, String password) {
        return cut.validate(new UsernamePasswordCredential(user, password)).getStatus();
    }

    @Test
    void anUnknownUserIsVerifiedAgainstTheDummyHashLikeAWrongPassword() {
        assertEquals(CredentialValidationResult.Status.INVALID, validate("clerk", "wrong"));
        assertEquals(1, verified.get());
        assertEquals(CredentialValidationResult.Status.INVALID, validate("mallory", "wrong2"));
        assertEquals(2, verified.get());
        assertEquals(cut.unknownUserHash, hashesSeen.get("wrong2"));
    }

    @Test
    void theDummyHashHasTheRealParameters() {
        String[] dummy = cut.unknownUserHash.split("\\$");
        String[] real = cut.hashes.get(StaffAccount.CLERK).split("\\$");
        assertEquals(real[0] + real[1] + real[2].length() + real[3].length(),
                dummy[0] + dummy[1] + dummy[2].length() + dummy[3].length());
    }

    @Test
    void aRightPasswordIsVerifiedOnceThenServedFromTheCache() {
        assertEquals(CredentialValidationResult.Status.VALID, validate("clerk", "right-clerk"));
        assertEquals(CredentialValidationResult.Status.VALID, validate("clerk", "right-clerk"));
        assertEquals(1, verified.get());
    }
}
