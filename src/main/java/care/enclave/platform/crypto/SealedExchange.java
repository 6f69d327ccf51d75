package care.enclave.platform.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request and one response between enclaves, sealed with HPKE (RFC 9180) in base mode with
 * DHKEM(P-256, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM. The requester seals to the public key from the
 * recipient's attestation token; the recipient answers once under a key exported from the same HPKE
 * context ({@link ResponseCipher}), so only that requester can read the answer. Both messages carry the
 * caller's associated data (model name and request id, see {@link #associatedData}), so neither can be
 * moved to another request.
 */
public final class SealedExchange {

    /** HPKE info: ties every context to this protocol version, so no other HPKE use derives the same keys. */
    static final byte[] INFO = "enclave-care/inference-request/v1".getBytes(StandardCharsets.US_ASCII);
    static final int ENC_LENGTH = P256Keys.POINT_LENGTH;
    static final int TAG_LENGTH = 16;

    private SealedExchange() {
    }

    /**
     * RFC 9180 DeriveKeyPair for DHKEM(P-256): the same secret always gives the same key pair, so every
     * replica that receives one released secret holds the one request key callers seal to.
     */
    public static KeyPair deriveKeyPair(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new SealedExchangeException("key material must be at least 32 bytes");
        }
        HPKE suite = suite();
        AsymmetricCipherKeyPair pair = suite.deriveKeyPair(secret);
        byte[] scalar = suite.serializePrivateKey(pair.getPrivate());
        try {
            return P256Keys.jdkKeyPair(scalar, suite.serializePublicKey(pair.getPublic()));
        } finally {
            java.util.Arrays.fill(scalar, (byte) 0);
        }
    }

    /** Requester side: encapsulates to {@code recipient} and seals {@code plaintext} under {@code aad}. */
    public static Sealed seal(ECPublicKey recipient, byte[] plaintext, byte[] aad) {
        requirePresent(plaintext, aad);
        HPKE suite = suite();
        AsymmetricKeyParameter recipientKey = P256Keys.publicKey(suite, recipient);
        HPKEContextWithEncapsulation context = suite.setupBaseS(recipientKey, INFO);
        try {
            return new Sealed(context.getEncapsulation(), context.seal(aad, plaintext), context);
        } catch (InvalidCipherTextException e) {
            throw new SealedExchangeException("request cipher failed");
        }
    }

    /** Recipient side: decapsulates {@code enc} with the enclave's key pair and opens the request. */
    public static Opened open(KeyPair recipient, byte[] enc, byte[] ciphertext, byte[] aad) {
        requirePresent(ciphertext, aad);
        if (recipient == null) {
            throw new SealedExchangeException("recipient key is missing");
        }
        if (!P256Keys.isUncompressedPoint(enc)) {
            throw new SealedExchangeException("enc is not a 65-byte uncompressed P-256 point");
        }
        if (ciphertext.length < TAG_LENGTH) {
            throw new SealedExchangeException("request ciphertext is too short");
        }
        HPKE suite = suite();
        AsymmetricCipherKeyPair recipientKeys = P256Keys.keyPair(suite, recipient);
        HPKEContext context = receiverContext(suite, enc, recipientKeys);
        try {
            return new Opened(context.open(aad, ciphertext), context);
        } catch (InvalidCipherTextException e) {
            throw new SealedExchangeException("request authentication failed (wrong key, aad or tampered data)");
        }
    }

    /**
     * Associated data from text parts, each prefixed with its UTF-8 length so that no two different lists
     * encode alike ({@code ("ab", "c")} and {@code ("a", "bc")} stay distinct). Use
     * {@code associatedData(modelName, requestId)} on both sides of an inference request.
     */
    public static byte[] associatedData(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            if (part == null) {
                throw new SealedExchangeException("associated data part is missing");
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** BC's DHKEM keeps agreement state in the instance, so every exchange gets its own suite. */
    private static HPKE suite() {
        return new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    private static HPKEContext receiverContext(HPKE suite, byte[] enc, AsymmetricCipherKeyPair recipientKeys) {
        try {
            return suite.setupBaseR(enc, recipientKeys, INFO);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // BC refuses points off the curve and a DH result at infinity.
            throw new SealedExchangeException("enc is not a valid P-256 point");
        }
    }

    private static void requirePresent(byte[] data, byte[] aad) {
        if (data == null || aad == null) {
            throw new SealedExchangeException("input or associated data is missing");
        }
    }

    private static HPKEContext take(AtomicReference<HPKEContext> context, String reason) {
        HPKEContext taken = context.getAndSet(null);
        if (taken == null) {
            throw new SealedExchangeException(reason);
        }
        return taken;
    }

    /** The requester's sealed request, and the context that alone can open the one response to it. */
    public static final class Sealed {

        private final byte[] enc;
        private final byte[] ciphertext;
        private final AtomicReference<HPKEContext> context;

        private Sealed(byte[] enc, byte[] ciphertext, HPKEContext context) {
            this.enc = enc;
            this.ciphertext = ciphertext;
            this.context = new AtomicReference<>(context);
        }

        /** The encapsulated ephemeral key: an uncompressed P-256 point of 65 bytes. */
        public byte[] enc() {
            return enc.clone();
        }

        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        /**
         * Opens the recipient's response. The first attempt uses up the context even when it fails, so a
         * tampered response cannot be followed by more guesses, and nothing decrypts twice.
         */
        public byte[] openResponse(byte[] sealedResponse, byte[] aad) {
            requirePresent(sealedResponse, aad);
            return ResponseCipher.open(take(context, "response already opened"), sealedResponse, aad);
        }
    }

    /** The recipient's opened request, and the context that seals the one response to it. */
    public static final class Opened {

        private final byte[] plaintext;
        private final AtomicReference<HPKEContext> context;

        private Opened(byte[] plaintext, HPKEContext context) {
            this.plaintext = plaintext;
            this.context = new AtomicReference<>(context);
        }

        public byte[] plaintext() {
            return plaintext.clone();
        }

        /** Seals the response; a second call is refused, so no derived key ever seals two messages. */
        public byte[] sealResponse(byte[] plaintext, byte[] aad) {
            requirePresent(plaintext, aad);
            return ResponseCipher.seal(take(context, "response already sealed"), plaintext, aad);
        }
    }
}
