package care.enclave.diagnostics.control;

import care.enclave.diagnostics.entity.ModelInput;

/**
 * A slice ready for the model, plus the 256 x 256 picture the model sees, which the overlay is drawn on.
 * {@code greyscale} says the three model channels are one sequence copied three times; the model was
 * trained on three different sequences, so a report should say so.
 */
public record PreparedSlice(ModelInput input, RgbPixels slice, boolean greyscale, int sourceWidth,
                            int sourceHeight) {

    public PreparedSlice {
        if (slice.width() != ModelInput.SIDE || slice.height() != ModelInput.SIDE) {
            throw new IllegalArgumentException("A prepared slice is 256 x 256");
        }
    }

    public boolean resized() {
        return sourceWidth != ModelInput.SIDE || sourceHeight != ModelInput.SIDE;
    }
}
