package care.enclave.platform.openinference;

import care.enclave.platform.openinference.KServeBinary.Body;
import care.enclave.platform.openinference.KServeBinary.Message;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KServeBinaryTest {

    static final String MARKER = "0.8137469";
    static final float[] VALUES = {0.8137469f, -0f, 1f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -3.4e38f};
    static final Fp32Tensor PIXELS = new Fp32Tensor("pixels", new long[]{1, 2, 4}, VALUES);

    static Body binary(Fp32Tensor... tensors) {
        return KServeBinary.write(Json.createObjectBuilder().add("id", "r1"), "inputs", List.of(tensors), name -> true);
    }

    /** A message put together by hand: a header text, then the given floats as little-endian bytes. */
    static byte[] message(String header, float... values) {
        ByteBuffer body = ByteBuffer.allocate(header.length() + Float.BYTES * values.length).order(ByteOrder.LITTLE_ENDIAN);
        body.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float value : values) {
            body.putFloat(value);
        }
        return body.array();
    }

    static String header(String parameters) {
        return "{\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"FP32\",\"shape\":[2],\"parameters\":" + parameters + "}]}";
    }

    /** Refused with exactly {@code reason} behind the fixed prefix, so a test cannot pass for another reason. */
    static void assertRefused(Executable action, String reason) {
        KServeBinaryException refusal = assertThrows(KServeBinaryException.class, action, reason);
        assertEquals(KServeBinaryException.PREFIX + reason, refusal.getMessage());
    }

    static void assertRefused(byte[] body, String headerLength, String reason) {
        assertRefused(() -> KServeBinary.read(body, headerLength, "inputs"), reason);
    }

    // Round trips

    @Test
    void binaryTensorsRoundTripBitForBitIncludingNanAndInfinity() {
        Body body = binary(PIXELS);

        Message read = KServeBinary.read(body.bytes(), String.valueOf(body.headerLength().orElseThrow()), "inputs");

        Fp32Tensor tensor = read.tensors().get(0);
        assertEquals("pixels", tensor.name());
        assertArrayEquals(new long[]{1, 2, 4}, tensor.shape());
        for (int i = 0; i < VALUES.length; i++) {
            assertEquals(Float.floatToRawIntBits(VALUES[i]), Float.floatToRawIntBits(tensor.data()[i]), "value " + i);
        }
        assertEquals("r1", read.header().getString("id"));
    }

    @Test
    void theLayoutIsTheExtensionsJsonHeaderThenLittleEndianFloats() {
        Body body = binary(new Fp32Tensor("x", new long[]{2}, new float[]{1f, -2f}));
        int split = body.headerLength().orElseThrow();

        String header = new String(body.bytes(), 0, split, StandardCharsets.UTF_8);
        assertEquals("{\"id\":\"r1\",\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[2],"
                + "\"parameters\":{\"binary_data_size\":8}}]}", header);
        assertArrayEquals(new byte[]{0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0},
                Arrays.copyOfRange(body.bytes(), split, body.bytes().length));
    }

    @Test
    void withoutBinaryTensorsTheMessageIsPlainJsonWithoutHeaderLength() {
        Body body = KServeBinary.write(Json.createObjectBuilder(), "outputs",
                List.of(new Fp32Tensor("p", new long[]{2}, new float[]{0.5f, 1f})), name -> false);

        assertEquals(OptionalInt.empty(), body.headerLength());
        assertEquals("{\"outputs\":[{\"name\":\"p\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[0.5,1.0]}]}",
                new String(body.bytes(), StandardCharsets.UTF_8));
        assertArrayEquals(new float[]{0.5f, 1f}, KServeBinary.read(body.bytes(), null, "outputs").tensors().get(0).data());
    }

    @Test
    void binaryAndJsonTensorsMixInTheHeadersOrder() {
        Fp32Tensor json = new Fp32Tensor("json", new long[]{1}, new float[]{7f});
        Fp32Tensor second = new Fp32Tensor("second", new long[]{1}, new float[]{9f});
        Body body = KServeBinary.write(Json.createObjectBuilder(), "outputs", List.of(PIXELS, json, second),
                name -> !name.equals("json"));

        List<Fp32Tensor> read = KServeBinary.read(body.bytes(), String.valueOf(body.headerLength().orElseThrow()),
                "outputs").tensors();

        assertEquals(List.of("pixels", "json", "second"), read.stream().map(Fp32Tensor::name).toList());
        assertEquals(7f, read.get(1).data()[0]);
        assertEquals(9f, read.get(2).data()[0]);
    }

    @Test
    void aPlainJsonMessageGivenItsWholeLengthAsHeaderLengthReadsTheSame() {
        byte[] json = "{\"inputs\":[{\"name\":\"p\",\"datatype\":\"FP32\",\"shape\":[1],\"data\":[2.5]}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(2.5f, KServeBinary.read(json, String.valueOf(json.length), "inputs").tensors().get(0).data()[0]);
    }

    // The header length is outside the seal: every other value is refused

    @Test
    void everyHeaderLengthButTheTrueOneIsRefused() {
        Body body = binary(PIXELS);
        int split = body.headerLength().orElseThrow();

        for (int length = 1; length <= body.bytes().length; length++) {
            if (length != split) {
                int tampered = length;
                assertThrows(KServeBinaryException.class,
                        () -> KServeBinary.read(body.bytes(), String.valueOf(tampered), "inputs"), "length " + length);
            }
        }
    }

    @Test
    void aLongerHeaderLengthOverBinaryWhitespaceLeavesTheDeclaredBytesShort() {
        float spaces = Float.intBitsToFloat(0x20202020);
        byte[] body = message(header("{\"binary_data_size\":8}"), spaces, 1f);
        int split = header("{\"binary_data_size\":8}").length();

        assertEquals(spaces, KServeBinary.read(body, String.valueOf(split), "inputs").tensors().get(0).data()[0]);
        assertRefused(body, String.valueOf(split + 4), "the binary data is shorter than the tensors declare");
    }

    @Test
    void aShorterHeaderLengthCutsTheHeader() {
        byte[] body = message(header("{\"binary_data_size\":8}"), 1f, 2f);

        assertRefused(body, String.valueOf(header("{\"binary_data_size\":8}").length() - 1),
                "the header is not one well-formed JSON object");
    }

    @Test
    void aRemovedHeaderLengthLeavesBinaryDataAfterTheJson() {
        Body body = binary(PIXELS);

        assertRefused(body.bytes(), null, "the header is not one well-formed JSON object");
    }

    @Test
    void headerLengthsThatAreNotPlainDecimalNumbersAreRefused() {
        byte[] body = binary(PIXELS).bytes();

        for (String bad : List.of("", "-5", "+5", " 5", "5 ", "0x10", "1e2", "12a", "５", "99999999999", "1,2")) {
            assertRefused(body, bad, "the header length is not a decimal number");
        }
    }

    @Test
    void headerLengthsOutsideTheBodyAreRefused() {
        byte[] body = binary(PIXELS).bytes();

        assertRefused(body, "0", "the header length is outside the body");
        assertRefused(body, String.valueOf(body.length + 1), "the header length is outside the body");
        assertRefused(body, "9999999999", "the header length is outside the body");
    }

    // The sizes inside the seal must account for every byte

    @Test
    void trailingBytesAreRefused() {
        String header = header("{\"binary_data_size\":8}");

        assertRefused(message(header, 1f, 2f, 3f), String.valueOf(header.length()),
                "binary data is left after the declared tensors");
    }

    @Test
    void missingBytesAreRefused() {
        String header = header("{\"binary_data_size\":8}");

        assertRefused(message(header, 1f), String.valueOf(header.length()),
                "the binary data is shorter than the tensors declare");
    }

    @Test
    void sizesThatDoNotSumToTheBinaryPartAreRefused() {
        String twoTensors = "{\"inputs\":[{\"name\":\"a\",\"datatype\":\"FP32\",\"shape\":[1],\"parameters\":"
                + "{\"binary_data_size\":4}},{\"name\":\"b\",\"datatype\":\"FP32\",\"shape\":[1],\"parameters\":"
                + "{\"binary_data_size\":4}}]}";

        assertEquals(2, KServeBinary.read(message(twoTensors, 1f, 2f), String.valueOf(twoTensors.length()), "inputs")
                .tensors().size());
        assertRefused(message(twoTensors, 1f), String.valueOf(twoTensors.length()),
                "the binary data is shorter than the tensors declare");
        assertRefused(message(twoTensors, 1f, 2f, 3f), String.valueOf(twoTensors.length()),
                "binary data is left after the declared tensors");
    }

    @Test
    void aSizeThatIsNotFourTimesTheShapesElementsIsRefused() {
        for (String size : List.of("4", "7", "12", "0", "-8")) {
            String header = header("{\"binary_data_size\":" + size + "}");

            assertRefused(message(header, 1f, 2f), String.valueOf(header.length()),
                    "a tensor's binary_data_size is not 4 x the elements of its shape");
        }
    }

    @Test
    void sizesThatAreNotIntegersAreRefused() {
        for (String size : List.of("8.5", "\"8\"", "true", "null", "99999999999999999999")) {
            String header = header("{\"binary_data_size\":" + size + "}");

            assertRefused(message(header, 1f, 2f), String.valueOf(header.length()),
                    "a tensor is not an FP32 tensor with name, shape and data");
        }
    }

    @Test
    void aTensorWithBothDataAndBinarySizeIsRefused() {
        String header = "{\"inputs\":[{\"name\":\"p\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[1,2],"
                + "\"parameters\":{\"binary_data_size\":8}}]}";

        assertRefused(message(header, 1f, 2f), String.valueOf(header.length()),
                "a tensor has both data and binary_data_size");
    }

    @Test
    void onlyFp32WithANonNegativeShapeIsRead() {
        String int32 = "{\"inputs\":[{\"name\":\"p\",\"datatype\":\"INT32\",\"shape\":[2],\"parameters\":{\"binary_data_size\":8}}]}";
        String negative = header("{\"binary_data_size\":8}").replace("[2]", "[-1,-2]");
        String huge = header("{\"binary_data_size\":8}").replace("[2]", "[65536,65536]");

        assertRefused(message(int32, 1f, 2f), String.valueOf(int32.length()), "a tensor is not FP32");
        assertRefused(message(negative, 1f, 2f), String.valueOf(negative.length()), "a tensor's shape is negative or too large");
        assertRefused(message(huge, 1f, 2f), String.valueOf(huge.length()), "a tensor's shape is negative or too large");
    }

    @Test
    void theHeaderMustBeOneJsonObjectHoldingTheTensors() {
        for (String header : List.of("[1,2]", "{\"inputs\":[]}{}", "{\"inputs\":[]} x", "{\"inputs\":")) {
            assertRefused(message(header), null, "the header is not one well-formed JSON object");
        }
        assertRefused(message("{\"outputs\":[]}"), null, "a tensor is not an FP32 tensor with name, shape and data");
        assertRefused(message("{\"inputs\":[1]}"), null, "a tensor is not an FP32 tensor with name, shape and data");
    }

    @Test
    void jsonDataMustFillTheShapeExactly() {
        String shortData = "{\"inputs\":[{\"name\":\"p\",\"datatype\":\"FP32\",\"shape\":[3],\"data\":[" + MARKER + ",1]}]}";
        String text = "{\"inputs\":[{\"name\":\"p\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[" + MARKER + ",\"x\"]}]}";

        assertRefused(message(shortData), null, "a tensor's data does not fill its shape");
        assertRefused(message(text), null, "a tensor is not an FP32 tensor with name, shape and data");
    }

    @Test
    void refusalsAndTensorsNeverShowValues() {
        String header = header("{\"binary_data_size\":8}");
        KServeBinaryException refusal = assertThrows(KServeBinaryException.class,
                () -> KServeBinary.read(message(header, 0.8137469f, 1f, 2f), String.valueOf(header.length()), "inputs"));

        assertFalse(refusal.getMessage().contains("0.81"));
        assertFalse(PIXELS.toString().contains("0.81"));
        assertTrue(PIXELS.toString().contains("pixels"));
    }
}
