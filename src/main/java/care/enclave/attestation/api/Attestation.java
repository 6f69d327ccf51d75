package care.enclave.attestation.api;

/**
 * The attestation service for other modules: attest someone's evidence (as {@code POST /attest/SgxEnclave}
 * does) and obtain this platform's own current attestation token, to present to enclaves it calls.
 */
public interface Attestation {

    /** @return the token, or an exception naming the failed check (evidence, policy) */
    String attest(byte[] quote, byte[] runtimeDataJson, String nonce);

    /** This platform's attestation token (cached until shortly before it expires). */
    String ownToken();
}
