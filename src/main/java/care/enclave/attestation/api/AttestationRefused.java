package care.enclave.attestation.api;

/** A token or evidence was refused; {@link #reason()} names the failed check (e.g. TOKEN_EXPIRED). */
public interface AttestationRefused {

    String reason();
}
