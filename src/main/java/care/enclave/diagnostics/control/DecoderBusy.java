package care.enclave.diagnostics.control;

/** Every decode slot stayed taken for the whole bounded wait: the caller should retry shortly. */
public final class DecoderBusy extends DiagnosticsException {

    public DecoderBusy() {
        super("Image decoding is at capacity");
    }
}
