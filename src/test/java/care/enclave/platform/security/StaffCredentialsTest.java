package care.enclave.platform.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void aConfiguredPasswordIsUsedAndNothingIsStored() {
        Map<StaffAccount, String> hashes = StaffCredentials.establish(
                name -> name.equals("ENCLAVE_CARE_CLERK_PASSWORD") ? Optional.of("s3cret-from-env") : Optional.empty(),
                dir);

        assertTrue(PasswordHashes.verify("s3cret-from-env".toCharArray(), hashes.get(StaffAccount.CLERK)));
        assertFalse(PasswordHashes.verify("guess".toCharArray(), hashes.get(StaffAccount.CLERK)));
        assertFalse(Files.exists(dir.resolve("clerk.pbkdf2")));
    }

    @Test
    void aGeneratedPasswordIsKeptOnlyAsAnOwnerOnlyHash() throws Exception {
        Map<StaffAccount, String> first = StaffCredentials.establish(name -> Optional.empty(), dir);
        Map<StaffAccount, String> second = StaffCredentials.establish(name -> Optional.empty(), dir);

        Path stored = dir.resolve("clerk.pbkdf2");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
        assertTrue(Files.readString(stored).startsWith("pbkdf2-sha256$" + PasswordHashes.ITERATIONS + "$"));
        assertEquals(first, second);
    }

    @Test
    void blankConfiguredPasswordsAreIgnored() {
        StaffCredentials.establish(name -> Optional.of("  "), dir);

        assertTrue(Files.exists(dir.resolve("clerk.pbkdf2")));
    }

    @Test
    void basicCredentialsAreParsedStrictly() {
        String header = "Basic " + Base64.getEncoder().encodeToString("clerk:pa:ss".getBytes());

        assertEquals("pa:ss", CallerAuthentication.basicCredential(header).orElseThrow().getPasswordAsString());
        assertTrue(CallerAuthentication.basicCredential("Basic !!!").isEmpty());
        assertTrue(CallerAuthentication.basicCredential("Basic " + Base64.getEncoder().encodeToString(":x".getBytes()))
                .isEmpty());
        assertTrue(CallerAuthentication.basicCredential("Bearer abc").isEmpty());
        assertTrue(CallerAuthentication.basicCredential(null).isEmpty());
    }

    @Test
    void verifiedLoginsAreRememberedPerPassword() {
        VerifiedLogins cut = new VerifiedLogins();
        cut.remember("clerk", "right".toCharArray());

        assertTrue(cut.contains("clerk", "right".toCharArray()));
        assertFalse(cut.contains("clerk", "wrong".toCharArray()));
        assertFalse(cut.contains("other", "right".toCharArray()));
    }
}
