package care.enclave.platform.problem;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Carries the correlation id of the request being served on to the services it calls (register it on a
 * REST client), so one request can be followed through every server's log.
 */
public class CorrelationHeader implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(Correlation.HEADER)) {
            Correlation.current().ifPresent(id -> request.getHeaders().putSingle(Correlation.HEADER, id));
        }
    }
}
