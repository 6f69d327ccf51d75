package care.enclave.platform.attestation;

import java.net.URI;

/**
 * The request a DPoP proof (RFC 9449) must be about: its method, its URI without query and fragment, and
 * the {@code DPoP} header as received ({@code null} when absent; {@link #SEVERAL} when repeated, which
 * RFC 9449 section 4.3 refuses).
 */
public record ProofRequest(String method, URI uri, String proof) {

    /** Stands for more than one {@code DPoP} header: never a valid compact JWS. */
    public static final String SEVERAL = "";
}
