package care.enclave.platform.keys;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The key that seals the key ring. Inside SGX it is the enclave's sealing key (Gramine exposes it as
 * {@code /dev/attestation/keys/_sgx_mrenclave}, 16 bytes, readable only by that enclave). On a laptop it is
 * a development stand-in: 32 random bytes in an owner-only file created at first start. Either way the
 * raw secret is stretched with HKDF-SHA-256 into the AES-256 key-encryption key.
 */
public final class MasterKey {

    static final String DEVELOPMENT_FILE_NAME = "master-key.DEVELOPMENT-STAND-IN-FOR-SGX-SEALING-KEY";
    static final String KEYRING_PURPOSE = "keyring-kek";

    private MasterKey() {
    }

    /** Reads a sealing key that the platform provides; never creates one. */
    public static SecretKey fromSealingKey(Path file) {
        return derive(read(file), KEYRING_PURPOSE);
    }

    /** Reads the development stand-in, creating it on first start. */
    public static SecretKey developmentStandIn(Path keysDir) {
        return derive(developmentSecret(keysDir), KEYRING_PURPOSE);
    }

    /** The raw platform secret: the enclave's sealing key file, never created here. */
    static byte[] sealingSecret(Path file) {
        return read(file);
    }

    /** The raw development stand-in secret, created on first start. */
    static byte[] developmentSecret(Path keysDir) {
        Path file = keysDir.resolve(DEVELOPMENT_FILE_NAME);
        if (!Files.exists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            try {
                SecureFiles.writeAtomically(file, secret);
            } catch (IOException e) {
                throw new KeyException("MasterKey: cannot create the development master key file");
            }
        }
        return read(file);
    }

    private static byte[] read(Path file) {
        try {
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < 16) {
                throw new KeyException("MasterKey: sealing key shorter than 128 bits");
            }
            return secret;
        } catch (IOException e) {
            throw new KeyException("MasterKey: sealing key file is not readable");
        }
    }

    /** One AES-256 key per purpose, so a key sealing one kind of file can never open another kind. */
    static SecretKey derive(byte[] secret, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, null,
                ("enclave-care/" + purpose + "/v1").getBytes(StandardCharsets.US_ASCII)));
        byte[] kek = new byte[32];
        hkdf.generateBytes(kek, 0, kek.length);
        return new SecretKeySpec(kek, "AES");
    }
}
