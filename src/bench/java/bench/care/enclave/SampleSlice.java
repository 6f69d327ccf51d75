package bench.care.enclave;

import care.enclave.diagnostics.control.MriImage;
import care.enclave.diagnostics.control.PreparedSlice;
import care.enclave.diagnostics.control.Preprocessing;
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
}
