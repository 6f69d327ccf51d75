package care.enclave.diagnostics.control;

/**
 * The diagnostics provider could not be used: unreachable or busy (retry later), not the enclave we trust
 * (nothing was sent), it refused or failed the request, or this platform has diagnostics switched off
 * ({@code diagnostics.enabled=false}). Fixed texts, never data.
 */
public class ProviderException extends DiagnosticsException {

    /** What went wrong with the provider. */
    public enum Kind { UNAVAILABLE, UNTRUSTED, REFUSED, DISABLED }

    private final Kind kind;

    public ProviderException(Kind kind, String message) {
        super("Diagnostics provider: " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
