package care.enclave.platform.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeTest {

    static final byte[] PLAINTEXT = "{\"ssn\":\"123-223-2345\"}".getBytes(StandardCharsets.UTF_8);
    static final byte[] CONTEXT = "patient:abc".getBytes(StandardCharsets.US_ASCII);

    static SecretKey key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    @Test
    void sealedEnvelopesOpenWithTheSameKeyAndContext() {
        SecretKey key = key();
        byte[] envelope = Envelope.seal(key, 7, PLAINTEXT, CONTEXT);

        assertEquals(7, Envelope.keyVersion(envelope));
        assertArrayEquals(PLAINTEXT, Envelope.open(key, envelope, CONTEXT));
    }

    @Test
    void everySealUsesAFreshNonce() {
        SecretKey key = key();
        byte[] first = Envelope.seal(key, 1, PLAINTEXT, CONTEXT);
        byte[] second = Envelope.seal(key, 1, PLAINTEXT, CONTEXT);

        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 7, 19), Arrays.copyOfRange(second, 7, 19)));
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void plaintextDoesNotAppearInTheEnvelope() {
        byte[] envelope = Envelope.seal(key(), 1, PLAINTEXT, CONTEXT);

        assertFalse(new String(envelope, StandardCharsets.ISO_8859_1).contains("123-223-2345"));
    }

    @Test
    void anotherRecordsContextDoesNotOpen() {
        SecretKey key = key();
        byte[] envelope = Envelope.seal(key, 1, PLAINTEXT, CONTEXT);

        assertThrows(EnvelopeException.class, () -> Envelope.open(key, envelope, "patient:xyz".getBytes()));
    }

    @Test
    void anotherKeyDoesNotOpen() {
        byte[] envelope = Envelope.seal(key(), 1, PLAINTEXT, CONTEXT);

        assertThrows(EnvelopeException.class, () -> Envelope.open(key(), envelope, CONTEXT));
    }

    @Test
    void flippingAnyByteIsDetected() {
        SecretKey key = key();
        byte[] envelope = Envelope.seal(key, 1, PLAINTEXT, CONTEXT);
        for (int i = 0; i < envelope.length; i++) {
            byte[] tampered = envelope.clone();
            tampered[i] ^= 0x01;
            EnvelopeException failure = assertThrows(EnvelopeException.class,
                    () -> Envelope.open(key, tampered, CONTEXT), "byte " + i);
            assertTrue(failure.getMessage().startsWith("Envelope: "));
        }
    }

    @Test
    void truncatedEnvelopesAreRefused() {
        byte[] envelope = Envelope.seal(key(), 1, PLAINTEXT, CONTEXT);

        assertThrows(EnvelopeException.class, () -> Envelope.open(key(), Arrays.copyOf(envelope, 20), CONTEXT));
        assertThrows(EnvelopeException.class, () -> Envelope.keyVersion(new byte[3]));
    }
}
