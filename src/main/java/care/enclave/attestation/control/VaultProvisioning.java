package care.enclave.attestation.control;

import care.enclave.platform.attestation.Expectations;
import care.enclave.platform.enclave.EnclaveIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Logger;

/**
 * Keys the vault holds for other enclaves, declared in configuration (which is measured with the enclave in
 * production): {@code attestation.vault.keys} names them; for each, {@code attestation.vault.key.<name>.allowed-mrenclaves},
 * {@code .allowed-mrsigners} and {@code .allow-debug} form its release policy. A key is a fresh 256-bit secret
 * created once; its policy follows the configuration. A policy naming no enclave and no signer would release
 * to anyone, so it is refused, and the platform's own data key cannot be declared here.
 */
@ApplicationScoped
public class VaultProvisioning {

    private static final Logger LOG = Logger.getLogger(VaultProvisioning.class.getName());

    @Inject
    KeyVault vault;

    @Inject
    Config config;

    @Inject
    EnclaveIdentity self;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String name : config.getOptionalValues("attestation.vault.keys", String.class).orElse(List.of())) {
            vault.provision(name, VaultProvisioning::secret, policy(name));
            LOG.info(() -> "Key vault: key " + name + " is provisioned with its configured release policy");
        }
    }

    Expectations policy(String name) {
        if (!name.matches("[A-Za-z0-9-]{1,64}") || ReleasedKeyRingSource.KEY_NAME.equals(name)) {
            throw new IllegalStateException("attestation.vault.keys: " + name + " cannot be declared");
        }
        String prefix = "attestation.vault.key." + name + ".";
        List<String> enclaves = self.resolve(values(prefix + "allowed-mrenclaves"));
        List<String> signers = values(prefix + "allowed-mrsigners");
        if (enclaves.isEmpty() && signers.isEmpty()) {
            throw new IllegalStateException(prefix + "allowed-mrenclaves or allowed-mrsigners must name an enclave");
        }
        boolean allowDebug = config.getOptionalValue(prefix + "allow-debug", Boolean.class).orElse(false);
        return new Expectations(enclaves, signers, allowDebug);
    }

    private List<String> values(String key) {
        return config.getOptionalValues(key, String.class).orElse(List.of());
    }

    private static byte[] secret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
