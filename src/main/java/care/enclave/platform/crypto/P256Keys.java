package care.enclave.platform.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * Moves P-256 keys between java.security and Bouncy Castle through their SEC1 encodings, so BC's own
 * point decoding checks that a point lies on the curve. Keys on any other curve are refused rather than
 * handed to a KEM that would interpret their coordinates on P-256.
 */
final class P256Keys {

    /** Length of an uncompressed SEC1 point (0x04 | X | Y), which is also the length of {@code enc}. */
    static final int POINT_LENGTH = 65;
    private static final int FIELD_LENGTH = 32;
    private static final byte UNCOMPRESSED = 0x04;
    private static final ECParameterSpec P256 = p256();

    private P256Keys() {
    }

    /** The recipient's public key for BC, refused unless it is a valid P-256 point. */
    static AsymmetricKeyParameter publicKey(HPKE suite, ECPublicKey key) {
        byte[] point = uncompressed(key);
        try {
            return suite.deserializePublicKey(point);
        } catch (IllegalArgumentException e) {
            throw new SealedExchangeException("recipient key is not a P-256 point");
        }
    }

    /** The recipient's key pair for BC; the private key must expose its scalar (an enclave-held JDK key). */
    static AsymmetricCipherKeyPair keyPair(HPKE suite, KeyPair pair) {
        if (!(pair.getPublic() instanceof ECPublicKey) || !(pair.getPrivate() instanceof ECPrivateKey)) {
            throw new SealedExchangeException("recipient key is not an EC key pair");
        }
        ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
        requireP256(privateKey.getParams());
        BigInteger s = privateKey.getS();
        if (s == null || s.signum() <= 0 || s.compareTo(P256.getOrder()) >= 0) {
            throw new SealedExchangeException("recipient private key is out of range");
        }
        byte[] point = uncompressed((ECPublicKey) pair.getPublic());
        byte[] scalar = BigIntegers.asUnsignedByteArray(FIELD_LENGTH, s);
        try {
            return suite.deserializePrivateKey(scalar, point);
        } catch (IllegalArgumentException e) {
            throw new SealedExchangeException("recipient key is not a P-256 point");
        } finally {
            Arrays.fill(scalar, (byte) 0);
        }
    }

    /** A JDK key pair from HPKE's serializations: a 32-byte scalar and an uncompressed point. */
    static KeyPair jdkKeyPair(byte[] scalar, byte[] point) {
        if (!isUncompressedPoint(point) || scalar.length != FIELD_LENGTH) {
            throw new SealedExchangeException("derived key is not a P-256 key pair");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + FIELD_LENGTH)),
                    new BigInteger(1, Arrays.copyOfRange(point, 1 + FIELD_LENGTH, POINT_LENGTH)));
            return new KeyPair(factory.generatePublic(new ECPublicKeySpec(w, P256)),
                    factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), P256)));
        } catch (GeneralSecurityException e) {
            throw new SealedExchangeException("derived key is not a P-256 key pair");
        }
    }

    /** SEC1 uncompressed encoding, the only point format HPKE's DHKEM(P-256) serializes. */
    static byte[] uncompressed(ECPublicKey key) {
        if (key == null) {
            throw new SealedExchangeException("recipient key is missing");
        }
        requireP256(key.getParams());
        ECPoint w = key.getW();
        if (w == null || ECPoint.POINT_INFINITY.equals(w)) {
            throw new SealedExchangeException("recipient key is not a P-256 point");
        }
        byte[] point = new byte[POINT_LENGTH];
        point[0] = UNCOMPRESSED;
        try {
            BigIntegers.asUnsignedByteArray(w.getAffineX(), point, 1, FIELD_LENGTH);
            BigIntegers.asUnsignedByteArray(w.getAffineY(), point, 1 + FIELD_LENGTH, FIELD_LENGTH);
        } catch (IllegalArgumentException e) {
            throw new SealedExchangeException("recipient key is not a P-256 point");
        }
        return point;
    }

    /** BC accepts compressed and hybrid points too; the wire format allows only uncompressed ones. */
    static boolean isUncompressedPoint(byte[] encoded) {
        return encoded != null && encoded.length == POINT_LENGTH && encoded[0] == UNCOMPRESSED;
    }

    private static void requireP256(ECParameterSpec params) {
        boolean p256 = params != null
                && P256.getCurve().equals(params.getCurve())
                && P256.getGenerator().equals(params.getGenerator())
                && P256.getOrder().equals(params.getOrder())
                && P256.getCofactor() == params.getCofactor();
        if (!p256) {
            throw new SealedExchangeException("recipient key is not on P-256");
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK does not provide the P-256 curve", e);
        }
    }
}
