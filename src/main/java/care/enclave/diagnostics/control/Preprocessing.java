package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.ModelInput;

/**
 * Turns a decoded slice into the model's input: padded to a square and resampled to 256 x 256
 * ({@link Resampling}), then each channel standardised ({@link Standardisation}). A greyscale upload is
 * already three equal channels after decoding, so the model sees it replicated.
 */
public final class Preprocessing {

    private Preprocessing() {
    }

    public static PreparedSlice prepare(MriImage image) {
        RgbPixels slice = Resampling.toSquare(image.pixels(), ModelInput.SIDE);
        ModelInput input = new ModelInput(Standardisation.nchw(slice));
        return new PreparedSlice(input, slice, image.greyscale(), image.width(), image.height());
    }
}
