package care.enclave.platform.openinference;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * Open Inference Protocol (KServe v2) messages with FP32 tensors, in either of the protocol's forms: plain
 * JSON, each tensor's values in {@code "data"}; or the binary tensor data extension, a JSON header of
 * {@value #HEADER_LENGTH} bytes followed by raw little-endian float32 values of the tensors that declare
 * {@code "parameters": {"binary_data_size": bytes}}, in the order the header lists them. Both ends of the
 * sealed inference exchange use this one strict reader, the provider for requests ({@code "inputs"}) and the
 * platform for answers ({@code "outputs"}).
 *
 * <p>The header length travels outside the seal, so the host in between may change it; the bytes it splits
 * are authenticated. The split is nevertheless unambiguous because the accounting is exact: the header must
 * be one JSON object with nothing after it but whitespace, and the binary part must be exactly the sum of the
 * sizes that (authenticated) header declares, each exactly 4 x the elements of its shape. A shorter length
 * cuts the object (no parse); a longer one moves bytes from the binary part into the header, which is then
 * not one object, or, if those bytes happen to be whitespace, leaves the same object with a binary part
 * shorter than it declares. Removing the length makes binary data trail the object; adding one to a plain
 * JSON message is accepted only as the whole message, the same parse. So a tampered length is refused, never
 * read differently.
 */
public final class KServeBinary {

    /** The HTTP header giving the JSON header's length in bytes, as the extension specifies. */
    public static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    private static final String PARAMETERS = "parameters";
    private static final String BINARY_DATA_SIZE = "binary_data_size";
    private static final String NOT_ONE_OBJECT = "the header is not one well-formed JSON object";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private KServeBinary() {
    }

    /** A message read: its JSON header (for the members other than tensors) and its tensors in order. */
    public record Message(JsonObject header, List<Fp32Tensor> tensors) {
    }

    /** A message written, and its header length when some tensor is binary (else the message is plain JSON). */
    public record Body(byte[] bytes, OptionalInt headerLength) {
    }

    /**
     * Reads a message whose tensors are the array {@code member}; {@code headerLength} is the
     * {@value #HEADER_LENGTH} value as received, or null for a plain JSON message.
     */
    public static Message read(byte[] body, String headerLength, String member) {
        int split = headerLength == null ? body.length : split(headerLength, body.length);
        JsonObject header = header(body, split);
        ByteBuffer binary = ByteBuffer.wrap(body, split, body.length - split).slice().order(ByteOrder.LITTLE_ENDIAN);
        List<Fp32Tensor> tensors = new ArrayList<>();
        try {
            for (JsonValue tensor : header.getJsonArray(member)) {
                tensors.add(tensor(tensor.asJsonObject(), binary));
            }
        } catch (ClassCastException | NullPointerException | ArithmeticException e) {
            throw new KServeBinaryException("a tensor is not an FP32 tensor with name, shape and data");
        }
        require(!binary.hasRemaining(), "binary data is left after the declared tensors");
        return new Message(header, tensors);
    }

    /**
     * Writes {@code header} with {@code tensors} as its array {@code member}; those whose name {@code asBinary}
     * accepts go as binary data, the others as JSON numbers (which cannot express NaN or infinity).
     */
    public static Body write(JsonObjectBuilder header, String member, List<Fp32Tensor> tensors,
                             Predicate<String> asBinary) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        List<float[]> binary = new ArrayList<>();
        for (Fp32Tensor tensor : tensors) {
            boolean asBytes = asBinary.test(tensor.name());
            array.add(describe(tensor, asBytes));
            if (asBytes) {
                binary.add(tensor.data());
            }
        }
        byte[] json = header.add(member, array).build().toString().getBytes(StandardCharsets.UTF_8);
        int size = json.length;
        for (float[] values : binary) {
            size = Math.addExact(size, Math.multiplyExact(Float.BYTES, values.length));
        }
        ByteBuffer body = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN).put(json);
        for (float[] values : binary) {
            body.asFloatBuffer().put(values);
            body.position(body.position() + Float.BYTES * values.length);
        }
        return new Body(body.array(), binary.isEmpty() ? OptionalInt.empty() : OptionalInt.of(json.length));
    }

    private static JsonObjectBuilder describe(Fp32Tensor tensor, boolean binary) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("name", tensor.name()).add("datatype", "FP32")
                .add("shape", JSON.createArrayBuilder(Arrays.stream(tensor.shape()).boxed().toList()));
        return binary
                ? json.add(PARAMETERS, JSON.createObjectBuilder().add(BINARY_DATA_SIZE, Float.BYTES * (long) tensor.data().length))
                : json.add("data", values(tensor.data()));
    }

    private static int split(String headerLength, int bodyLength) {
        require(DIGITS.matcher(headerLength).matches(), "the header length is not a decimal number");
        long split = Long.parseLong(headerLength);
        require(split > 0 && split <= bodyLength, "the header length is outside the body");
        return (int) split;
    }

    /**
     * One JSON object, UTF-8, nothing after it but whitespace. Read by events because a JsonReader (Parsson)
     * ignores data after the object, which here would be binary data read as if it were not there.
     */
    private static JsonObject header(byte[] body, int length) {
        try (JsonParser parser = JSON.createParserFactory(null)
                .createParser(new ByteArrayInputStream(body, 0, length), StandardCharsets.UTF_8)) {
            require(parser.hasNext() && parser.next() == JsonParser.Event.START_OBJECT, NOT_ONE_OBJECT);
            JsonObject header = parser.getObject();
            require(!parser.hasNext(), NOT_ONE_OBJECT);
            return header;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            // JsonParsingException is a JsonException; a cut or malformed header ends here.
            throw new KServeBinaryException(NOT_ONE_OBJECT);
        }
    }

    private static Fp32Tensor tensor(JsonObject tensor, ByteBuffer binary) {
        require("FP32".equals(tensor.getString("datatype")), "a tensor is not FP32");
        long[] shape = shape(tensor.getJsonArray("shape"));
        long elements = Fp32Tensor.elements(shape);
        require(elements >= 0, "a tensor's shape is negative or too large");
        JsonObject parameters = tensor.containsKey(PARAMETERS) ? tensor.getJsonObject(PARAMETERS) : JsonValue.EMPTY_JSON_OBJECT;
        if (!parameters.containsKey(BINARY_DATA_SIZE)) {
            return new Fp32Tensor(tensor.getString("name"), shape, jsonData(tensor.getJsonArray("data"), elements));
        }
        require(!tensor.containsKey("data"), "a tensor has both data and binary_data_size");
        long size = parameters.getJsonNumber(BINARY_DATA_SIZE).longValueExact();
        require(size == Float.BYTES * elements, "a tensor's binary_data_size is not 4 x the elements of its shape");
        require(size <= binary.remaining(), "the binary data is shorter than the tensors declare");
        float[] data = new float[(int) elements];
        binary.asFloatBuffer().get(data);
        binary.position(binary.position() + (int) size);
        return new Fp32Tensor(tensor.getString("name"), shape, data);
    }

    private static long[] shape(JsonArray json) {
        long[] shape = new long[json.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = json.getJsonNumber(i).longValueExact();
        }
        return shape;
    }

    private static float[] jsonData(JsonArray json, long elements) {
        require(json.size() == elements, "a tensor's data does not fill its shape");
        float[] data = new float[json.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((JsonNumber) json.get(i)).doubleValue();
        }
        return data;
    }

    private static JsonArrayBuilder values(float[] data) {
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (float value : data) {
            values.add(value);
        }
        return values;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new KServeBinaryException(reason);
        }
    }
}
