package care.enclave.platform.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM envelopes: {@code "EC" | format 1 | key version (u32) | 96-bit nonce | ciphertext+tag}.
 * Every seal draws a fresh random nonce (at 2^32 seals per key the collision risk stays below 2^-32; keys
 * rotate long before). The header is authenticated together with a caller-chosen context, so an envelope
 * cannot be moved to another record or replayed under another key version.
 */
public final class Envelope {

    private static final byte[] MAGIC = {'E', 'C'};
    private static final byte FORMAT = 1;
    private static final int HEADER_LENGTH = MAGIC.length + 1 + Integer.BYTES;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelope() {
    }

    public static byte[] seal(SecretKey key, int keyVersion, byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] header = header(keyVersion);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, nonce, aad(header, context), plaintext);
        return ByteBuffer.allocate(HEADER_LENGTH + NONCE_LENGTH + sealed.length)
                .put(header).put(nonce).put(sealed).array();
    }

    /** The key version an envelope was sealed under, so the caller can pick the right key. */
    public static int keyVersion(byte[] envelope) {
        requireWellFormed(envelope);
        return ByteBuffer.wrap(envelope, MAGIC.length + 1, Integer.BYTES).getInt();
    }

    public static byte[] open(SecretKey key, byte[] envelope, byte[] context) {
        requireWellFormed(envelope);
        byte[] header = Arrays.copyOfRange(envelope, 0, HEADER_LENGTH);
        byte[] nonce = Arrays.copyOfRange(envelope, HEADER_LENGTH, HEADER_LENGTH + NONCE_LENGTH);
        byte[] sealed = Arrays.copyOfRange(envelope, HEADER_LENGTH + NONCE_LENGTH, envelope.length);
        return crypt(Cipher.DECRYPT_MODE, key, nonce, aad(header, context), sealed);
    }

    private static byte[] header(int keyVersion) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).put(FORMAT).putInt(keyVersion).array();
    }

    private static byte[] aad(byte[] header, byte[] context) {
        return ByteBuffer.allocate(header.length + context.length).put(header).put(context).array();
    }

    private static void requireWellFormed(byte[] envelope) {
        boolean ok = envelope != null
                && envelope.length >= HEADER_LENGTH + NONCE_LENGTH + TAG_BITS / 8
                && envelope[0] == MAGIC[0] && envelope[1] == MAGIC[1] && envelope[2] == FORMAT;
        if (!ok) {
            throw new EnvelopeException("Envelope: not a format-1 envelope");
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new EnvelopeException("Envelope: authentication failed (wrong key, context or tampered data)");
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException("Envelope: cipher unavailable or key invalid");
        }
    }
}
