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
import java.util.Arrays;

/**
 * The key that seals the key ring. Inside SGX it is the enclave's sealing key (Gramine exposes it as
 * {@code /dev/attestation/keys/_sgx_mrenclave}, 16 bytes, readable only by that enclave). On a laptop it is
 * a development stand-in: 32 random bytes in an owner-only file created at first start. Either way the
 * raw secret is stretched with HKDF-SHA-256 into the AES-256 key-encryption key.
 */
public final class MasterKey {

    static final String DEVELOPMENT_FILE_NAME = "master-key.DEVELOPMENT-STAND-IN-FOR-SGX-SEALING-KEY";
    private static final byte[] KEK_INFO = "enclave-care/keyring-kek/v1".getBytes(StandardCharsets.US_ASCII);

    private MasterKey() {
    }

    /** Reads a sealing key that the platform provides; never creates one. */
    public static SecretKey fromSealingKey(Path file) {
        return deriveKek(read(file));
    }

    /** Reads the development stand-in, creating it on first start. */
    public static SecretKey developmentStandIn(Path keysDir) {
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
        return deriveKek(read(file));
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

    private static SecretKey deriveKek(byte[] secret) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, null, KEK_INFO));
        byte[] kek = new byte[32];
        hkdf.generateBytes(kek, 0, kek.length);
        Arrays.fill(secret, (byte) 0);
        return new SecretKeySpec(kek, "AES");
    }
}
