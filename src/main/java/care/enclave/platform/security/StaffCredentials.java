package care.enclave.platform.security;

import care.enclave.platform.keys.SecureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Establishes each staff account's password hash: from its environment variable when set; otherwise a
 * password generated at first start, printed once, of which only the hash is kept on disk.
 */
final class StaffCredentials {

    private static final Logger LOG = Logger.getLogger(StaffCredentials.class.getName());
    private static final char[] ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffCredentials() {
    }

    /** @param variables configuration lookup, e.g. MicroProfile Config (which sees the environment) */
    static Map<StaffAccount, String> establish(Function<String, Optional<String>> variables, Path usersDir) {
        Map<StaffAccount, String> hashes = new EnumMap<>(StaffAccount.class);
        for (StaffAccount account : StaffAccount.values()) {
            Optional<String> configured = variables.apply(account.passwordVariable()).filter(p -> !p.isBlank());
            hashes.put(account, configured.isPresent()
                    ? PasswordHashes.hash(configured.get().toCharArray())
                    : storedOrGenerated(account, usersDir));
        }
        return hashes;
    }

    private static String storedOrGenerated(StaffAccount account, Path usersDir) {
        Path file = usersDir.resolve(account.userName() + ".pbkdf2");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            char[] password = generate();
            String hash = PasswordHashes.hash(password);
            SecureFiles.writeAtomically(file, hash.getBytes(StandardCharsets.US_ASCII));
            LOG.warning(() -> "Generated the password of user '" + account.userName() + "' (shown once, set "
                    + account.passwordVariable() + " to choose your own): " + new String(password));
            return hash;
        } catch (IOException e) {
            throw new IllegalStateException("StaffCredentials: cannot read or store the password hash of "
                    + account.userName());
        }
    }

    static char[] generate() {
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return password;
    }
}
