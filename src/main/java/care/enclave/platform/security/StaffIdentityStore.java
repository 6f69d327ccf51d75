package care.enclave.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Validates staff passwords against their PBKDF2 hashes; repeat logins are served from a keyed cache. A
 * name that is no account is verified against a hash made at start with the same parameters, so a wrong
 * password costs the same whether the account exists or not: the time of a refusal does not tell.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "platform.data.dir")
    String dataDir;

    Map<StaffAccount, String> hashes;
    String unknownUserHash = PasswordHashes.hash(StaffCredentials.generate());
    BiPredicate<char[], String> hashVerifier = PasswordHashes::verify;
    private final VerifiedLogins verified = new VerifiedLogins();

    @PostConstruct
    void establishCredentials() {
        hashes = StaffCredentials.establish(name -> config.getOptionalValue(name, String.class), Path.of(dataDir, "users"));
    }

    /** Establishes passwords when the application starts, so a generated one is printed at start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the start is what instantiates this bean eagerly.
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<StaffAccount> account = StaffAccount.byUserName(login.getCaller());
        char[] password = login.getPassword().getValue();
        if (account.isEmpty()) {
            hashVerifier.test(password, unknownUserHash);
            return CredentialValidationResult.INVALID_RESULT;
        }
        return matches(account.get(), password)
                ? new CredentialValidationResult(account.get().userName(), Set.of(account.get().role()))
                : CredentialValidationResult.INVALID_RESULT;
    }

    private boolean matches(StaffAccount account, char[] password) {
        if (verified.contains(account.userName(), password)) {
            return true;
        }
        boolean ok = hashVerifier.test(password, hashes.get(account));
        if (ok) {
            verified.remember(account.userName(), password);
        }
        return ok;
    }
}
