package care.enclave.platform.enclave;

import care.enclave.platform.crypto.Envelope;
import care.enclave.platform.crypto.EnvelopeException;
import care.enclave.platform.keys.KeyException;
import care.enclave.platform.keys.SecureFiles;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A per-installation simulated Intel SGX platform for development machines: a simulated root CA, PCK
 * platform CA and PCK leaf (see {@link SimulatedCertificates}), the quoting enclave's attestation key, and
 * the enclave signing key. Generated at first start. The root and platform CA keys sign once and are
 * discarded; the other private keys are kept only as PKCS#8 sealed under the key-encryption key, bound to
 * the stored certificate chain, so a changed chain or another key-encryption key fails the load.
 * Nothing here is protected by hardware: anyone holding the key-encryption key can forge these quotes,
 * which is why verifiers trust the simulated root only by explicit configuration.
 */
public final class SimulatedSgxPlatform {

    static final String CHAIN_FILE = "pck-chain.pem";
    static final String PCK_KEY_FILE = "pck.key.sealed";
    static final String ATTESTATION_KEY_FILE = "qe-attestation.key.sealed";
    static final String SIGNING_KEY_FILE = "enclave-signing.key.sealed";
    private static final String CONTEXT_PREFIX = "enclave-care/simulated-sgx/v1/";

    private final byte[] chainPem;
    private final List<X509Certificate> chain;
    private final KeyPair pck;
    private final KeyPair attestation;
    private final KeyPair signing;

    private SimulatedSgxPlatform(byte[] chainPem, List<X509Certificate> chain, KeyPair pck, KeyPair attestation,
                                 KeyPair signing) {
        this.chainPem = chainPem;
        this.chain = chain;
        this.pck = pck;
        this.attestation = attestation;
        this.signing = signing;
    }

    /** Loads the platform from {@code dir}, generating it there at first start (the chain file is written last). */
    public static synchronized SimulatedSgxPlatform loadOrCreate(Path dir, SecretKey kek) {
        return Files.exists(dir.resolve(CHAIN_FILE)) ? load(dir, kek) : create(dir, kek);
    }

    public PublicKey rootPublicKey() {
        return chain.get(2).getPublicKey();
    }

    /**
     * SHA-256 of the signing key's SubjectPublicKeyInfo (DER). Real SGX hashes the RSA-3072 modulus of the
     * SIGSTRUCT signer; the simulation has no SIGSTRUCT, so it keeps SGX's meaning (one value per signer)
     * without its encoding.
     */
    public byte[] mrSigner() {
        return Quotes.sha256(signing.getPublic().getEncoded());
    }

    /** The PEM chain leaf, platform CA, root, as a quote's certification data carries it. */
    byte[] chainPem() {
        return chainPem.clone();
    }

    PrivateKey pckKey() {
        return pck.getPrivate();
    }

    KeyPair attestationKeys() {
        return attestation;
    }

    private static SimulatedSgxPlatform create(Path dir, SecretKey kek) {
        try {
            KeyPair pck = EcKeys.generate();
            KeyPair attestation = EcKeys.generate();
            KeyPair signing = EcKeys.generate();
            List<X509Certificate> chain = SimulatedCertificates.issue(EcKeys.generate(), EcKeys.generate(), pck,
                    Instant.now());
            byte[] chainPem = pem(chain);
            SecureFiles.createPrivateDirectory(dir);
            seal(dir, PCK_KEY_FILE, pck.getPrivate(), chainPem, kek);
            seal(dir, ATTESTATION_KEY_FILE, attestation.getPrivate(), chainPem, kek);
            seal(dir, SIGNING_KEY_FILE, signing.getPrivate(), chainPem, kek);
            SecureFiles.writeAtomically(dir.resolve(CHAIN_FILE), chainPem);
            return new SimulatedSgxPlatform(chainPem, chain, pck, attestation, signing);
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyException("SimulatedSgxPlatform: cannot create the simulated platform");
        }
    }

    private static SimulatedSgxPlatform load(Path dir, SecretKey kek) {
        try {
            byte[] chainPem = Files.readAllBytes(dir.resolve(CHAIN_FILE));
            List<X509Certificate> chain = Quotes.certificates(chainPem);
            KeyPair pck = open(dir, PCK_KEY_FILE, chainPem, kek);
            if (chain.size() != 3 || !Arrays.equals(pck.getPublic().getEncoded(), chain.get(0).getPublicKey().getEncoded())) {
                throw new KeyException("SimulatedSgxPlatform: the PCK key does not match the stored chain");
            }
            return new SimulatedSgxPlatform(chainPem, chain, pck, open(dir, ATTESTATION_KEY_FILE, chainPem, kek),
                    open(dir, SIGNING_KEY_FILE, chainPem, kek));
        } catch (IOException e) {
            throw new KeyException("SimulatedSgxPlatform: platform files are missing or unreadable");
        } catch (GeneralSecurityException e) {
            throw new KeyException("SimulatedSgxPlatform: platform files are not a valid simulated platform");
        } catch (EnvelopeException e) {
            throw new KeyException("SimulatedSgxPlatform: the sealed keys do not open under this key-encryption key"
                    + " with this certificate chain");
        }
    }

    private static void seal(Path dir, String file, PrivateKey key, byte[] chainPem, SecretKey kek) throws IOException {
        byte[] pkcs8 = key.getEncoded();
        try {
            SecureFiles.writeAtomically(dir.resolve(file), Envelope.seal(kek, 1, pkcs8, context(file, chainPem)));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static KeyPair open(Path dir, String file, byte[] chainPem, SecretKey kek)
            throws IOException, GeneralSecurityException {
        byte[] pkcs8 = Envelope.open(kek, Files.readAllBytes(dir.resolve(file)), context(file, chainPem));
        try {
            return EcKeys.fromPkcs8(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Binds each sealed key to its role and to the exact chain, so files cannot be swapped or re-rooted. */
    private static byte[] context(String file, byte[] chainPem) {
        return Quotes.concat((CONTEXT_PREFIX + file + "/").getBytes(StandardCharsets.US_ASCII),
                Quotes.sha256(chainPem));
    }

    private static byte[] pem(List<X509Certificate> chain) throws GeneralSecurityException {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[]{'\n'});
        for (X509Certificate certificate : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
