package care.enclave.platform.keys;

import javax.crypto.SecretKey;

/** A record-encryption key and its version; the version is stored in every envelope it seals. */
public record DataKey(int version, SecretKey key) {
}
