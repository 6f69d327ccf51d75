package care.enclave.audit.entity;

/** The newest entry's sequence number and mac; sequence 0 with a zero mac before the first entry. */
public record ChainHead(long seq, byte[] mac) {

    public static final int MAC_BYTES = 32;

    public static ChainHead genesis() {
        return new ChainHead(0, new byte[MAC_BYTES]);
    }
}
