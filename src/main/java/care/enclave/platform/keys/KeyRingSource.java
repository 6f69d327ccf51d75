package care.enclave.platform.keys;

/**
 * Where the key ring comes from: a file sealed under the master key, or (in the attestation module) a
 * key vault that releases it only to this enclave once attested. Chosen by {@code platform.keys.source}.
 */
public interface KeyRingSource {

    String name();

    KeyRing load();

    void save(KeyRing ring);
}
