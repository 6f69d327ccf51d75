package care.enclave.platform.attestation;

import java.util.List;
import java.util.Locale;

/** What a caller requires of an attested enclave. Empty measurement lists allow any. */
public record Expectations(List<String> allowedMrEnclaves, List<String> allowedMrSigners, boolean allowDebug) {

    public Expectations {
        allowedMrEnclaves = allowedMrEnclaves.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        allowedMrSigners = allowedMrSigners.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    public static Expectations mrEnclave(List<String> allowed, boolean allowDebug) {
        return new Expectations(allowed, List.of(), allowDebug);
    }
}
