package care.enclave.attestation.api;

import java.net.URI;

/**
 * The attestation service for other modules: attest someone's evidence (as {@code POST /attest/SgxEnclave}
 * does), obtain this platform's own attestation token for a service it calls, and the DPoP proof (RFC 9449)
 * that must accompany that token, signed inside this enclave with the key its evidence binds.
 */
public interface Attestation {

    /** @return the token, or an exception naming the failed check (evidence, policy, a nonce not bound) */
    String attest(byte[] quote, byte[] runtimeDataJson, String nonce);

    /** This platform's attestation token naming {@code audience} (cached until shortly before it expires). */
    String ownToken(String audience);

    /** A fresh DPoP proof of this platform's token {@code token} for one request ({@code method}, {@code uri}). */
    String proof(String method, URI uri, String token);
}
