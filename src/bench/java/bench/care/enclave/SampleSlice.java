package bench.care.enclave;

import static care.enclave.platform.json.JsonSupport.JSON;

import care.enclave.diagnostics.control.MriImage;
import care.enclave.diagnostics.control.PreparedSlice;
import care.enclave.diagnostics.control.Preprocessing;
import jakarta.json.JsonArrayBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real MRI slice in ../shared/data and the U-Net committed in model/, as the benchmarks use them. */
final class SampleSlice {

    static final Path MODEL = Path.of("model/unet.onnx");

    private SampleSlice() {
    }

    static byte[] png() {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("shared.dir", "../shared"), "data/TCGA_CS_4944.png"));
        } catch (IOException e) {
            throw new UncheckedIOException("The sample slice ../shared/data/TCGA_CS_4944.png is missing", e);
        }
    }

    static PreparedSlice prepared() {
        return Preprocessing.prepare(MriImage.decode(png()));
    }

    /** KServe v2 JSON of a tensor, shaped as DelineationService sends the model input (and gets the map back). */
    static String kserveJson(String name, long[] shape, float[] values) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (float value : values) {
            data.add(value);
        }
        JsonArrayBuilder dims = JSON.createArrayBuilder();
        for (long dimension : shape) {
            dims.add(dimension);
        }
        return JSON.createObjectBuilder().add("inputs", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                .add("name", name).add("datatype", "FP32").add("shape", dims).add("data", data))).build().toString();
    }
}
