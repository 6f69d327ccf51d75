package care.enclave.platform.security;

import care.enclave.platform.keys.SecureFiles;
import com.ibm.websphere.crypto.PasswordUtil;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The password of the server's operations user {@code admin} (Admin Center, {@code /metrics}, the JMX REST
 * connector), which lives in Liberty's own registry, not in the application. Its Liberty {@code {hash}} is
 * written to {@code <data>/operations/admin-password.xml}, a one-variable file that server.xml includes and
 * Liberty reloads: from {@code ENCLAVE_CARE_ADMIN_PASSWORD} at every start when it is set, otherwise once,
 * from a password generated at first start and printed once. The password itself is never stored.
 */
@ApplicationScoped
public class AdminCredentials {

    static final String USER = "admin";
    static final String VARIABLE = "ENCLAVE_CARE_ADMIN_PASSWORD";
    static final String FILE = "operations/admin-password.xml";
    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    @PostConstruct
    void establish() {
        Optional<String> configured = config.getOptionalValue(VARIABLE, String.class).filter(p -> !p.isBlank());
        Path file = Path.of(dataDir, FILE);
        try {
            if (configured.isPresent()) {
                write(file, configured.get());
            } else if (!Files.exists(file)) {
                String generated = new String(StaffCredentials.generate());
                write(file, generated);
                LOG.warning(() -> "Generated the password of user '" + USER + "' (shown once, set " + VARIABLE
                        + " to choose your own): " + generated);
            }
        } catch (IOException e) {
            throw new IllegalStateException("AdminCredentials: cannot store the password hash of " + USER);
        }
    }

    /** Establishes the password when the application starts, so a generated one is printed at start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the start is what instantiates this bean eagerly.
    }

    private static void write(Path file, String password) throws IOException {
        SecureFiles.writeAtomically(file, includeFile(hash(password)).getBytes(StandardCharsets.UTF_8));
    }

    /** Liberty's salted PBKDF2 {@code {hash}} encoding, which its basic registry verifies. */
    static String hash(String password) {
        try {
            return PasswordUtil.encode(password, "hash");
        } catch (com.ibm.websphere.crypto.InvalidPasswordEncodingException
                 | com.ibm.websphere.crypto.UnsupportedCryptoAlgorithmException e) {
            throw new IllegalStateException("AdminCredentials: Liberty cannot hash the password");
        }
    }

    /** Only a variable: the hash alphabet ({@code {hash}} + base64) cannot break out of the attribute. */
    static String includeFile(String hash) {
        if (!hash.matches("\\{hash\\}[A-Za-z0-9+/=]+")) {
            throw new IllegalStateException("AdminCredentials: unexpected hash encoding");
        }
        return "<server>\n    <variable name=\"enclave.care.admin.password\" value=\"" + hash + "\"/>\n</server>\n";
    }
}
