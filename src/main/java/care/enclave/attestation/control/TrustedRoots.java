package care.enclave.attestation.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Set;

/**
 * The roots a PCK certificate chain may end in, pinned by the SHA-256 of their public key: Intel's SGX Root
 * CA always (the 2033 and 2049 certificates carry the same key), and the installation's simulated root
 * only where {@code attestation.trust-simulated} allows it.
 */
public record TrustedRoots(Set<String> pins, String simulatedPin) {

    /** SHA-256 of the Intel SGX Root CA SubjectPublicKeyInfo (DER). */
    public static final String INTEL_SGX_ROOT_PIN = "a0af031289f5d5d4132f9186068a7fc13628633ba235777472e29b6b6c67a49e";

    public static TrustedRoots intelOnly() {
        return new TrustedRoots(Set.of(INTEL_SGX_ROOT_PIN), null);
    }

    public static TrustedRoots intelAndSimulated(PublicKey simulatedRoot) {
        String pin = pin(simulatedRoot);
        return new TrustedRoots(Set.of(INTEL_SGX_ROOT_PIN, pin), pin);
    }

    public boolean trusts(PublicKey root) {
        return pins.contains(pin(root));
    }

    public boolean isSimulated(PublicKey root) {
        return simulatedPin != null && simulatedPin.equals(pin(root));
    }

    public static String pin(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable");
        }
    }
}
