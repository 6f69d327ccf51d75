package care.enclave.platform.attestation;

import org.jose4j.jwk.JsonWebKeySet;

/**
 * The keys of an attestation service running in this same application, so its tokens are verified
 * without a network round trip to its own /certs. Implemented by the attestation module where present.
 */
public interface LocalTokenKeys {

    String issuer();

    JsonWebKeySet jwks();
}
