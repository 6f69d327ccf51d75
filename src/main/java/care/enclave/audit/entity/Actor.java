package care.enclave.audit.entity;

/**
 * Who acted: a staff user ({@code staff}, user name), a partner ({@code partner}, token subject and issuer),
 * an attested enclave ({@code enclave}, MRENCLAVE), an unauthenticated caller ({@code anonymous}) or the
 * platform itself ({@code platform}, e.g. attesting itself at start).
 */
public record Actor(String kind, String name) {

    public static final Actor ANONYMOUS = new Actor("anonymous", "");
    public static final Actor PLATFORM = new Actor("platform", "enclave-care");
}
