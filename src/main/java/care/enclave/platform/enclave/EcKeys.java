package care.enclave.platform.enclave;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;

/** EC P-256 keys for the simulated platform: generation, PKCS#8 decoding, and the raw x || y point. */
final class EcKeys {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    private EcKeys() {
    }

    static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** Only private keys are stored, so the public half is recomputed as d·G rather than read from a file. */
    static KeyPair fromPkcs8(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("EC");
        ECPrivateKey key = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        org.bouncycastle.math.ec.ECPoint q = P256.getG().multiply(key.getS()).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return new KeyPair(factory.generatePublic(new ECPublicKeySpec(w, key.getParams())), key);
    }

    /** The public point as SGX carries it: x || y, each 32 bytes big-endian. */
    static byte[] rawPoint(ECPublicKey key) {
        byte[] raw = new byte[64];
        copyUnsigned(key.getW().getAffineX().toByteArray(), raw, 0);
        copyUnsigned(key.getW().getAffineY().toByteArray(), raw, 32);
        return raw;
    }

    private static void copyUnsigned(byte[] twosComplement, byte[] target, int offset) {
        int length = Math.min(twosComplement.length, 32);
        System.arraycopy(twosComplement, twosComplement.length - length, target, offset + 32 - length, length);
    }
}
