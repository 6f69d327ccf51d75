package care.enclave.platform.crypto;

import care.enclave.platform.crypto.SealedExchange.Opened;
import care.enclave.platform.crypto.SealedExchange.Sealed;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedExchangeTest {

    static final String SECRET = "patient 4711: glioblastoma suspected";
    static final byte[] REQUEST = ("{\"scan\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
    static final byte[] RESPONSE = ("{\"finding\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
    static final byte[] AAD = SealedExchange.associatedData("mri-segmentation-v3", "req-0001");
    static final KeyPair PROVIDER = keyPair("secp256r1");

    static KeyPair keyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECPublicKey provider() {
        return (ECPublicKey) PROVIDER.getPublic();
    }

    static Opened open(Sealed sealed) {
        return SealedExchange.open(PROVIDER, sealed.enc(), sealed.ciphertext(), AAD);
    }

    /** Refused with exactly {@code reason} behind the fixed prefix, so a test cannot pass for another reason. */
    static void assertRefused(Executable action, String reason) {
        SealedExchangeException refusal = assertThrows(SealedExchangeException.class, action, reason);
        assertTrue(refusal.getMessage().startsWith("Sealed exchange: " + reason), refusal.getMessage());
    }

    static byte[] flip(byte[] data, int index) {
        byte[] flipped = data.clone();
        flipped[index] ^= 0x01;
        return flipped;
    }

    // Round trips

    @Test
    void derivedKeyPairsAreRfc9180DeriveKeyPairAndOpenWhatIsSealedToThem() {
        for (Vector v : new Vector[] {RFC9180_A_3_1, CFRG_P256_AES_256_GCM}) {
            KeyPair derived = SealedExchange.deriveKeyPair(Hex.decode(v.ikmE()));

            assertEquals(new BigInteger(v.skEm(), 16), ((java.security.interfaces.ECPrivateKey) derived.getPrivate()).getS());
            assertEquals(v.enc(), Hex.toHexString(P256Keys.uncompressed((ECPublicKey) derived.getPublic())));
        }
        byte[] secret = new byte[32];
        new Random(7).nextBytes(secret);
        KeyPair replicaA = SealedExchange.deriveKeyPair(secret);
        KeyPair replicaB = SealedExchange.deriveKeyPair(secret.clone());
        byte[] aad = SealedExchange.associatedData("m", "r");
        Sealed sealed = SealedExchange.seal((ECPublicKey) replicaA.getPublic(), "x".getBytes(StandardCharsets.UTF_8), aad);

        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8),
                SealedExchange.open(replicaB, sealed.enc(), sealed.ciphertext(), aad).plaintext());
        assertThrows(SealedExchangeException.class, () -> SealedExchange.deriveKeyPair(new byte[16]));
    }

    @Test
    void theProviderOpensTheRequestAndOnlyTheRequesterOpensTheResponse() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        Opened opened = open(sealed);

        assertArrayEquals(REQUEST, opened.plaintext());
        byte[] response = opened.sealResponse(RESPONSE, AAD);
        assertArrayEquals(RESPONSE, sealed.openResponse(response, AAD));
    }

    @Test
    void emptyMessagesRoundTrip() {
        Sealed sealed = SealedExchange.seal(provider(), new byte[0], AAD);
        Opened opened = open(sealed);

        assertArrayEquals(new byte[0], opened.plaintext());
        assertArrayEquals(new byte[0], sealed.openResponse(opened.sealResponse(new byte[0], AAD), AAD));
    }

    @Test
    void aMebibyteRoundTrips() {
        byte[] scan = new byte[1 << 20];
        new Random(42).nextBytes(scan);
        Sealed sealed = SealedExchange.seal(provider(), scan, AAD);
        Opened opened = open(sealed);

        assertArrayEquals(scan, opened.plaintext());
        assertArrayEquals(scan, sealed.openResponse(opened.sealResponse(scan, AAD), AAD));
    }

    @Test
    void theWireFormatRoundTrips() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        SealedExchangeJson.Request request = SealedExchangeJson.decodeRequest(SealedExchangeJson.encodeRequest(sealed));
        Opened opened = SealedExchange.open(PROVIDER, request.enc(), request.ciphertext(), AAD);
        String response = SealedExchangeJson.encodeResponse(opened.sealResponse(RESPONSE, AAD));

        assertArrayEquals(REQUEST, opened.plaintext());
        assertArrayEquals(RESPONSE, sealed.openResponse(SealedExchangeJson.decodeResponse(response), AAD));
    }

    // Freshness

    @Test
    void everySealHasAFreshEncAndCiphertext() {
        Sealed first = SealedExchange.seal(provider(), REQUEST, AAD);
        Sealed second = SealedExchange.seal(provider(), REQUEST, AAD);

        assertEquals(65, first.enc().length);
        assertEquals(0x04, first.enc()[0]);
        assertFalse(Arrays.equals(first.enc(), second.enc()));
        assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()));
    }

    @Test
    void everyResponseHasAFreshSaltAndCiphertext() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] first = open(sealed).sealResponse(RESPONSE, AAD);
        byte[] second = open(sealed).sealResponse(RESPONSE, AAD);

        assertFalse(Arrays.equals(Arrays.copyOf(first, 32), Arrays.copyOf(second, 32)));
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 32, first.length),
                Arrays.copyOfRange(second, 32, second.length)));
    }

    @Test
    void aReplayedRequestsAnswersDoNotShareAKeystream() {
        // The host can deliver one request twice; with a fixed derived key and nonce the two answers
        // would XOR to the XOR of their plaintexts (the confonnx flaw).
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] zeros = new byte[64];
        byte[] ones = new byte[64];
        Arrays.fill(ones, (byte) 0xff);
        byte[] first = open(sealed).sealResponse(zeros, AAD);
        byte[] second = open(sealed).sealResponse(ones, AAD);

        byte[] xor = new byte[64];
        for (int i = 0; i < xor.length; i++) {
            xor[i] = (byte) (first[32 + i] ^ second[32 + i]);
        }
        assertFalse(Arrays.equals(ones, xor));
    }

    @Test
    void thePlaintextNeverAppearsOnTheWire() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        String request = SealedExchangeJson.encodeRequest(sealed);
        String response = SealedExchangeJson.encodeResponse(open(sealed).sealResponse(RESPONSE, AAD));

        for (String wire : new String[] {request, response}) {
            assertFalse(wire.contains(SECRET));
            assertFalse(wire.contains("glioblastoma"));
            assertFalse(wire.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(REQUEST)));
            assertFalse(wire.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(RESPONSE)));
        }
    }

    // Request refusals

    @Test
    void flippingAnyByteOfEncIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        for (int i = 0; i < sealed.enc().length; i++) {
            byte[] enc = flip(sealed.enc(), i);
            SealedExchangeException refusal = assertThrows(SealedExchangeException.class,
                    () -> SealedExchange.open(PROVIDER, enc, sealed.ciphertext(), AAD), "enc byte " + i);
            assertTrue(refusal.getMessage().startsWith("Sealed exchange: "));
        }
    }

    @Test
    void flippingAnyByteOfTheCiphertextIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] ciphertext = flip(sealed.ciphertext(), i);
            assertRefused(() -> SealedExchange.open(PROVIDER, sealed.enc(), ciphertext, AAD),
                    "request authentication failed");
        }
    }

    @Test
    void anotherModelNameDoesNotOpenTheRequest() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] otherModel = SealedExchange.associatedData("mri-segmentation-v2", "req-0001");

        assertRefused(() -> SealedExchange.open(PROVIDER, sealed.enc(), sealed.ciphertext(), otherModel),
                "request authentication failed");
    }

    @Test
    void anotherRequestIdDoesNotOpenTheRequest() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] otherRequest = SealedExchange.associatedData("mri-segmentation-v3", "req-0002");

        assertRefused(() -> SealedExchange.open(PROVIDER, sealed.enc(), sealed.ciphertext(), otherRequest),
                "request authentication failed");
    }

    @Test
    void anotherRecipientKeyDoesNotOpenTheRequest() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);

        assertRefused(() -> SealedExchange.open(keyPair("secp256r1"), sealed.enc(), sealed.ciphertext(), AAD),
                "request authentication failed");
    }

    @Test
    void aKeyPairWithAnotherPublicKeyDoesNotOpenTheRequest() {
        // The KEM binds the recipient's public key into the shared secret, so a mismatched pair fails too.
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        KeyPair mismatched = new KeyPair(keyPair("secp256r1").getPublic(), PROVIDER.getPrivate());

        assertRefused(() -> SealedExchange.open(mismatched, sealed.enc(), sealed.ciphertext(), AAD),
                "request authentication failed");
    }

    @Test
    void anEncOfTheWrongLengthIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);

        assertRefused(() -> SealedExchange.open(PROVIDER, Arrays.copyOf(sealed.enc(), 64), sealed.ciphertext(), AAD),
                "enc is not a 65-byte uncompressed P-256 point");
        assertRefused(() -> SealedExchange.open(PROVIDER, Arrays.copyOf(sealed.enc(), 66), sealed.ciphertext(), AAD),
                "enc is not a 65-byte uncompressed P-256 point");
    }

    @Test
    void aCompressedEncIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] compressed = Arrays.copyOf(sealed.enc(), 33);
        compressed[0] = (byte) (0x02 | (sealed.enc()[64] & 1));

        assertRefused(() -> SealedExchange.open(PROVIDER, compressed, sealed.ciphertext(), AAD),
                "enc is not a 65-byte uncompressed P-256 point");
    }

    @Test
    void anEncOffTheCurveIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] offCurve = new byte[65];
        offCurve[0] = 0x04;
        offCurve[64] = 0x01;

        assertRefused(() -> SealedExchange.open(PROVIDER, offCurve, sealed.ciphertext(), AAD),
                "enc is not a valid P-256 point");
    }

    @Test
    void aCiphertextShorterThanATagIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);

        assertRefused(() -> SealedExchange.open(PROVIDER, sealed.enc(), new byte[15], AAD),
                "request ciphertext is too short");
    }

    @Test
    void aRecipientKeyOnAnotherCurveIsRefused() {
        ECPublicKey p384 = (ECPublicKey) keyPair("secp384r1").getPublic();

        assertRefused(() -> SealedExchange.seal(p384, REQUEST, AAD), "recipient key is not on P-256");
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        assertRefused(() -> SealedExchange.open(keyPair("secp384r1"), sealed.enc(), sealed.ciphertext(), AAD),
                "recipient key is not on P-256");
    }

    @Test
    void aNonEcRecipientKeyPairIsRefused() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);

        assertRefused(() -> SealedExchange.open(rsa.generateKeyPair(), sealed.enc(), sealed.ciphertext(), AAD),
                "recipient key is not an EC key pair");
    }

    @Test
    void aMissingRecipientKeyIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);

        assertRefused(() -> SealedExchange.seal(null, REQUEST, AAD), "recipient key is missing");
        assertRefused(() -> SealedExchange.open(null, sealed.enc(), sealed.ciphertext(), AAD),
                "recipient key is missing");
    }

    @Test
    void missingDataOrAssociatedDataIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);

        assertRefused(() -> SealedExchange.seal(provider(), null, AAD), "input or associated data is missing");
        assertRefused(() -> SealedExchange.seal(provider(), REQUEST, null), "input or associated data is missing");
        assertRefused(() -> SealedExchange.open(PROVIDER, sealed.enc(), null, AAD),
                "input or associated data is missing");
        assertRefused(() -> sealed.openResponse(null, AAD), "input or associated data is missing");
    }

    @Test
    void aRecipientPublicKeyOffTheCurveIsRefused() {
        // An invalid-curve point must never reach the DH: BC's point decoding refuses it.
        ECPublicKey offCurve = new ECPublicKey() {
            @Override
            public java.security.spec.ECPoint getW() {
                return new java.security.spec.ECPoint(BigInteger.ONE, BigInteger.ONE);
            }

            @Override
            public java.security.spec.ECParameterSpec getParams() {
                return provider().getParams();
            }

            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };

        assertRefused(() -> SealedExchange.seal(offCurve, REQUEST, AAD), "recipient key is not a P-256 point");
    }

    // Response refusals

    @Test
    void flippingAnyByteOfTheResponseIsRefused() {
        byte[] response = open(SealedExchange.seal(provider(), REQUEST, AAD)).sealResponse(RESPONSE, AAD);
        for (int i = 0; i < response.length; i++) {
            Sealed fresh = SealedExchange.seal(provider(), REQUEST, AAD);
            byte[] tampered = flip(open(fresh).sealResponse(RESPONSE, AAD), i);
            assertRefused(() -> fresh.openResponse(tampered, AAD), "response authentication failed");
        }
    }

    @Test
    void anotherModelNameDoesNotOpenTheResponse() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] response = open(sealed).sealResponse(RESPONSE, AAD);
        byte[] otherModel = SealedExchange.associatedData("mri-segmentation-v2", "req-0001");

        assertRefused(() -> sealed.openResponse(response, otherModel), "response authentication failed");
    }

    @Test
    void anotherRequestIdDoesNotOpenTheResponse() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] response = open(sealed).sealResponse(RESPONSE, AAD);
        byte[] otherRequest = SealedExchange.associatedData("mri-segmentation-v3", "req-0002");

        assertRefused(() -> sealed.openResponse(response, otherRequest), "response authentication failed");
    }

    @Test
    void aResponseToAnotherRequestDoesNotOpen() {
        Sealed mine = SealedExchange.seal(provider(), REQUEST, AAD);
        Sealed theirs = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] theirResponse = open(theirs).sealResponse(RESPONSE, AAD);

        assertRefused(() -> mine.openResponse(theirResponse, AAD), "response authentication failed");
    }

    @Test
    void theRequestCiphertextCannotBeReflectedAsTheResponse() {
        Sealed sealed = SealedExchange.seal(provider(), new byte[64], AAD);

        assertRefused(() -> sealed.openResponse(sealed.ciphertext(), AAD), "response authentication failed");
    }

    @Test
    void aResponseShorterThanSaltAndTagIsRefused() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);

        assertRefused(() -> sealed.openResponse(new byte[47], AAD), "sealed response is too short");
    }

    // Single use

    @Test
    void aResponseIsSealedOnlyOnce() {
        Opened opened = open(SealedExchange.seal(provider(), REQUEST, AAD));
        opened.sealResponse(RESPONSE, AAD);

        assertRefused(() -> opened.sealResponse(RESPONSE, AAD), "response already sealed");
    }

    @Test
    void aResponseIsOpenedOnlyOnce() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] response = open(sealed).sealResponse(RESPONSE, AAD);
        sealed.openResponse(response, AAD);

        assertRefused(() -> sealed.openResponse(response, AAD), "response already opened");
    }

    @Test
    void aFailedOpenUsesUpTheContext() {
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        byte[] response = open(sealed).sealResponse(RESPONSE, AAD);

        assertRefused(() -> sealed.openResponse(flip(response, 40), AAD), "response authentication failed");
        assertRefused(() -> sealed.openResponse(response, AAD), "response already opened");
    }

    // Associated data

    @Test
    void associatedDataPartsCannotBeShiftedAcrossTheirBoundary() {
        assertFalse(Arrays.equals(SealedExchange.associatedData("ab", "c"), SealedExchange.associatedData("a", "bc")));
        assertFalse(Arrays.equals(SealedExchange.associatedData("a", ""), SealedExchange.associatedData("a")));
    }

    // Wire format refusals, one per reason

    static String request() {
        return SealedExchangeJson.encodeRequest(SealedExchange.seal(provider(), REQUEST, AAD));
    }

    static String b64(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    @Test
    void theWireFormatIsCompactJson() {
        String json = request();

        assertTrue(json.matches("\\{\"enc\":\"[A-Za-z0-9_-]{87}\",\"ciphertext\":\"[A-Za-z0-9_-]+\"}"), json);
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefused(() -> SealedExchangeJson.decodeRequest("{\"enc\":"), "message is not well-formed JSON");
        assertRefused(() -> SealedExchangeJson.decodeRequest("[]"), "message is not a JSON object");
        assertRefused(() -> SealedExchangeJson.decodeRequest((String) null), "message is missing");
    }

    @Test
    void trailingDataAfterTheObjectIsRefused() {
        // Parsson reports the extra data as a parse error; other JSON-P parsers reach the explicit check.
        SealedExchangeException refusal = assertThrows(SealedExchangeException.class,
                () -> SealedExchangeJson.decodeRequest(request() + "{}"));
        assertTrue(refusal.getMessage().equals("Sealed exchange: message is not well-formed JSON")
                || refusal.getMessage().equals("Sealed exchange: message has data after the object"));
    }

    @Test
    void duplicateMembersAreRefused() {
        // The repeated value is the valid one, so only the duplicate itself can cause the refusal.
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        String json = SealedExchangeJson.encodeRequest(sealed);
        String duplicated = json.substring(0, json.length() - 1) + ",\"enc\":\"" + b64(sealed.enc()) + "\"}";

        assertRefused(() -> SealedExchangeJson.decodeRequest(duplicated), "message repeats a member");
    }

    @Test
    void aMissingMemberIsRefused() {
        assertRefused(() -> SealedExchangeJson.decodeRequest("{\"enc\":\"" + b64(provider().getEncoded()) + "\"}"),
                "message does not have exactly the expected members");
    }

    @Test
    void anUnknownMemberIsRefused() {
        String json = request();
        String extra = json.substring(0, json.length() - 1) + ",\"alg\":\"none\"}";

        assertRefused(() -> SealedExchangeJson.decodeRequest(extra),
                "message does not have exactly the expected members");
    }

    @Test
    void aNonStringMemberIsRefused() {
        assertRefused(() -> SealedExchangeJson.decodeResponse("{\"ciphertext\":12}"), "message member is not a string");
        assertRefused(() -> SealedExchangeJson.decodeResponse("{\"ciphertext\":null}"),
                "message member is not a string");
    }

    @Test
    void paddedBase64urlIsRefused() {
        String padded = Base64.getUrlEncoder().encodeToString(new byte[49]);

        assertTrue(padded.endsWith("="));
        assertRefused(() -> SealedExchangeJson.decodeResponse("{\"ciphertext\":\"" + padded + "\"}"),
                "message member is not canonical unpadded base64url");
    }

    @Test
    void standardBase64AlphabetIsRefused() {
        byte[] data = new byte[48];
        Arrays.fill(data, (byte) 0xfb);
        String standard = Base64.getEncoder().withoutPadding().encodeToString(data);

        assertTrue(standard.contains("+") || standard.contains("/"));
        assertRefused(() -> SealedExchangeJson.decodeResponse("{\"ciphertext\":\"" + standard + "\"}"),
                "message member is not canonical unpadded base64url");
    }

    @Test
    void nonCanonicalBase64urlIsRefused() {
        String canonical = b64(new byte[49]);
        String nonCanonical = canonical.substring(0, canonical.length() - 1) + "B";

        assertArrayEquals(new byte[49], Base64.getUrlDecoder().decode(nonCanonical));
        assertRefused(() -> SealedExchangeJson.decodeResponse("{\"ciphertext\":\"" + nonCanonical + "\"}"),
                "message member is not canonical unpadded base64url");
    }

    @Test
    void aWireEncOfTheWrongSizeIsRefused() {
        String json = "{\"enc\":\"" + b64(new byte[64]) + "\",\"ciphertext\":\"" + b64(new byte[32]) + "\"}";

        assertRefused(() -> SealedExchangeJson.decodeRequest(json), "enc is not a 65-byte uncompressed P-256 point");
    }

    @Test
    void aWireRequestCiphertextShorterThanATagIsRefused() {
        byte[] enc = SealedExchange.seal(provider(), REQUEST, AAD).enc();
        String json = "{\"enc\":\"" + b64(enc) + "\",\"ciphertext\":\"" + b64(new byte[15]) + "\"}";

        assertRefused(() -> SealedExchangeJson.decodeRequest(json), "request ciphertext is too short");
    }

    @Test
    void aWireResponseShorterThanSaltAndTagIsRefused() {
        assertRefused(() -> SealedExchangeJson.decodeResponse("{\"ciphertext\":\"" + b64(new byte[47]) + "\"}"),
                "sealed response is too short");
    }

    // Known answers through Bouncy Castle's HPKE API

    /** One base-mode vector; the KEM is always DHKEM(P-256, HKDF-SHA256) and the KDF HKDF-SHA256. */
    record Vector(short aead, String ikmE, String skEm, String enc, String skRm, String pkRm,
                  String ct0, String ct1, String export0) {
    }

    static final String INFO = "4f6465206f6e2061204772656369616e2055726e";
    static final String PT = "4265617574792069732074727574682c20747275746820626561757479";
    static final String AAD0 = "436f756e742d30";
    static final String AAD1 = "436f756e742d31";

    /** RFC 9180 Appendix A.3.1: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode. */
    static final Vector RFC9180_A_3_1 = new Vector(HPKE.aead_AES_GCM128,
            "4270e54ffd08d79d5928020af4686d8f6b7d35dbe470265f1f5aa22816ce860e",
            "4995788ef4b9d6132b249ce59a77281493eb39af373d236a1fe415cb0c2d7beb",
            "04a92719c6195d5085104f469a8b9814d5838ff72b60501e2c4466e5e67b325a"
                    + "c98536d7b61a1af4b78e5b7f951c0900be863c403ce65c9bfcb9382657222d18c4",
            "f3ce7fdae57e1a310d87f1ebbde6f328be0a99cdbcadf4d6589cf29de4b8ffd2",
            "04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a"
                    + "826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f1d128aafd68a2ce72ea0",
            "5ad590bb8baa577f8619db35a36311226a896e7342a6d836d8b7bcd2f20b6c7f9076ac232e3ab2523f39513434",
            "fa6f037b47fc21826b610172ca9637e82d6e5801eb31cbd3748271affd4ecb06646e0329cbdf3c3cd655b28e82",
            "5e9bc3d236e1911d95e65b576a8a86d478fb827e8bdfe77b741b289890490d4d");

    /**
     * Our exact suite (AEAD AES-256-GCM), which RFC 9180's appendix leaves out: the entry for mode 0,
     * kem 16, kdf 1, aead 2 in the CFRG's test-vectors.json (github.com/cfrg/draft-irtf-cfrg-hpke), as
     * reproduced in Google Tink's hpke_test_util.cc and other implementations' test suites.
     */
    static final Vector CFRG_P256_AES_256_GCM = new Vector(HPKE.aead_AES_GCM256,
            "a90d3417c3da9cb6c6ae19b4b5dd6cc9529a4cc24efb7ae0ace1f31887a8cd6c",
            "90345e3a1d116c1dd39ae76d95ab858c142223a63e44f8f85318cfa91a84858e",
            "04c06b4f6bebc7bb495cb797ab753f911aff80aefb86fd8b6fcc35525f3ab5f0"
                    + "3e0b21bd31a86c6048af3cb2d98e0d3bf01da5cc4c39ff5370d331a4f1f7d5a4e0",
            "317f915db7bc629c48fe765587897e01e282d3e8445f79f27f65d031a88082b2",
            "04abc7e49a4c6b3566d77d0304addc6ed0e98512ffccf505e6a8e3eb25c68513"
                    + "6f853148544876de76c0f2ef99cdc3a05ccf5ded7860c7c021238f9e2073d2356c",
            "58c61a45059d0c5704560e9d88b564a8b63f1364b8d1fcb3c4c6ddc1d291742465e902cd216f8908da49f8f96f",
            "b4e7c90d1dd62cb563694956eb517ab55d5e7d1f6366a0066c04ababaa444dbaf60a30d7bb7d3e91b969762dee",
            "7a4c2b89e1909fb0e3ca42d5040f4c2d8346dc0643d787b8474e804f8f72798e");

    /**
     * BC's setupBaseS accepts the ephemeral key pair, so KATs are deterministic: DeriveKeyPair(ikmE) must
     * give skEm, and the sender must produce the vector's enc, both ciphertexts and exported value.
     */
    static void assertKnownAnswers(Vector v) throws Exception {
        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, v.aead());
        AsymmetricCipherKeyPair ephemeral = hpke.deriveKeyPair(Hex.decode(v.ikmE()));
        AsymmetricCipherKeyPair recipient = hpke.deserializePrivateKey(Hex.decode(v.skRm()), null);
        assertEquals(v.skEm(), Hex.toHexString(hpke.serializePrivateKey(ephemeral.getPrivate())));
        assertEquals(v.pkRm(), Hex.toHexString(hpke.serializePublicKey(recipient.getPublic())));

        HPKEContextWithEncapsulation sender = hpke.setupBaseS(recipient.getPublic(), Hex.decode(INFO), ephemeral);
        assertEquals(v.enc(), Hex.toHexString(sender.getEncapsulation()));
        assertEquals(v.ct0(), Hex.toHexString(sender.seal(Hex.decode(AAD0), Hex.decode(PT))));
        assertEquals(v.ct1(), Hex.toHexString(sender.seal(Hex.decode(AAD1), Hex.decode(PT))));
        assertEquals(v.export0(), Hex.toHexString(sender.export(new byte[0], 32)));

        HPKEContext receiver = hpke.setupBaseR(Hex.decode(v.enc()), recipient, Hex.decode(INFO));
        assertEquals(PT, Hex.toHexString(receiver.open(Hex.decode(AAD0), Hex.decode(v.ct0()))));
        assertEquals(v.export0(), Hex.toHexString(receiver.export(new byte[0], 32)));
    }

    @Test
    void bouncyCastleMatchesRfc9180AppendixA31() throws Exception {
        assertKnownAnswers(RFC9180_A_3_1);
    }

    @Test
    void bouncyCastleMatchesTheCfrgVectorForOurSuite() throws Exception {
        assertKnownAnswers(CFRG_P256_AES_256_GCM);
    }

    @Test
    void rfc9180ExportsForOtherContextsMatch() {
        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM128);
        AsymmetricCipherKeyPair recipient = hpke.deserializePrivateKey(Hex.decode(RFC9180_A_3_1.skRm()), null);
        HPKEContext receiver = hpke.setupBaseR(Hex.decode(RFC9180_A_3_1.enc()), recipient, Hex.decode(INFO));

        assertEquals("6cff87658931bda83dc857e6353efe4987a201b849658d9b047aab4cf216e796",
                Hex.toHexString(receiver.export(Hex.decode("00"), 32)));
        assertEquals("d8f1ea7942adbba7412c6d431c62d01371ea476b823eb697e1f6e6cae1dab85a",
                Hex.toHexString(receiver.export("TestContext".getBytes(StandardCharsets.US_ASCII), 32)));
    }

    @Test
    void jdkKeysConvertToTheVectorsEncodings() throws Exception {
        // The CFRG recipient key as JDK objects must reach BC as exactly skRm and pkRm.
        Vector v = CFRG_P256_AES_256_GCM;
        KeyFactory factory = KeyFactory.getInstance("EC");
        java.security.spec.ECParameterSpec p256 = ((ECPublicKey) PROVIDER.getPublic()).getParams();
        byte[] pkRm = Hex.decode(v.pkRm());
        java.security.spec.ECPoint w = new java.security.spec.ECPoint(
                new BigInteger(1, Arrays.copyOfRange(pkRm, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(pkRm, 33, 65)));
        KeyPair jdk = new KeyPair(factory.generatePublic(new ECPublicKeySpec(w, p256)),
                factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, Hex.decode(v.skRm())), p256)));

        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
        AsymmetricCipherKeyPair bc = P256Keys.keyPair(hpke, jdk);
        assertEquals(v.skRm(), Hex.toHexString(hpke.serializePrivateKey(bc.getPrivate())));
        assertEquals(v.pkRm(), Hex.toHexString(hpke.serializePublicKey(bc.getPublic())));
        assertEquals(v.pkRm(), Hex.toHexString(P256Keys.uncompressed((ECPublicKey) jdk.getPublic())));
    }

    @Test
    void aSealedRequestIsPlainHpkeWithTheDocumentedInfo() throws Exception {
        // Interoperability: any RFC 9180 implementation opens the request given the info string.
        Sealed sealed = SealedExchange.seal(provider(), REQUEST, AAD);
        HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_P256_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
        AsymmetricCipherKeyPair recipient = P256Keys.keyPair(hpke, PROVIDER);
        HPKEContext receiver = hpke.setupBaseR(sealed.enc(),
                recipient, "enclave-care/inference-request/v1".getBytes(StandardCharsets.US_ASCII));

        assertArrayEquals(REQUEST, receiver.open(AAD, sealed.ciphertext()));
        assertNotEquals(0, sealed.ciphertext().length);
    }
}
