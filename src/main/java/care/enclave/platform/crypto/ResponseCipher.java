package care.enclave.platform.crypto;

import org.bouncycastle.crypto.hpke.HPKEContext;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Seals the single response of an exchange: {@code salt (32) | AES-256-GCM ciphertext | tag (16)}. Key and
 * nonce are the 44 bytes HPKE Export (RFC 9180 section 5.3) yields for the exporter context
 * {@code "enclave-care/inference-response/v1" | salt}, so only the holder of the request's HPKE context
 * (the requester, and the recipient that opened it) can derive them.
 *
 * <p>Why the nonce may be derived rather than random: GCM fails only if one (key, nonce) pair seals two
 * messages. The exporter secret is fresh for every request (a new ephemeral DH), and every derived pair
 * seals one message, because {@link SealedExchange.Opened} seals once. Single use per object cannot stop a
 * replayed request, though: an untrusted host can deliver the same {@code enc} and ciphertext again, the
 * recipient then holds a second context with the same exporter secret, and with a fixed exporter context
 * both replies would share key and nonce (the flaw confonnx had). The responder's random salt makes such
 * replies collide only if two 256-bit salts do. Oblivious HTTP (RFC 9458 section 4.4) adds its random
 * response_nonce for the same reason.
 */
final class ResponseCipher {

    static final byte[] EXPORTER_LABEL = "enclave-care/inference-response/v1".getBytes(StandardCharsets.US_ASCII);
    static final int SALT_LENGTH = 32;
    static final int TAG_LENGTH = 16;
    private static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResponseCipher() {
    }

    static byte[] seal(HPKEContext context, byte[] plaintext, byte[] aad) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, context, salt, aad, plaintext);
        return ByteBuffer.allocate(SALT_LENGTH + sealed.length).put(salt).put(sealed).array();
    }

    static byte[] open(HPKEContext context, byte[] response, byte[] aad) {
        if (response.length < SALT_LENGTH + TAG_LENGTH) {
            throw new SealedExchangeException("sealed response is too short");
        }
        byte[] salt = Arrays.copyOfRange(response, 0, SALT_LENGTH);
        byte[] sealed = Arrays.copyOfRange(response, SALT_LENGTH, response.length);
        return crypt(Cipher.DECRYPT_MODE, context, salt, aad, sealed);
    }

    private static byte[] crypt(int mode, HPKEContext context, byte[] salt, byte[] aad, byte[] input) {
        byte[] exporterContext = ByteBuffer.allocate(EXPORTER_LABEL.length + SALT_LENGTH)
                .put(EXPORTER_LABEL).put(salt).array();
        byte[] keyAndNonce = context.export(exporterContext, KEY_LENGTH + NONCE_LENGTH);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keyAndNonce, 0, KEY_LENGTH, "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, keyAndNonce, KEY_LENGTH, NONCE_LENGTH));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SealedExchangeException("response authentication failed (wrong context, aad or tampered data)");
        } catch (GeneralSecurityException e) {
            throw new SealedExchangeException("response cipher unavailable");
        } finally {
            // Best effort: the JDK key object keeps its own copy until it is collected.
            Arrays.fill(keyAndNonce, (byte) 0);
        }
    }
}
