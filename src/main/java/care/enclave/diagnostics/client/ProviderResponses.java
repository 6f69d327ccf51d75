package care.enclave.diagnostics.client;

import care.enclave.diagnostics.control.ProviderException;
import care.enclave.diagnostics.control.ProviderException.Kind;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** The provider's error statuses as module exceptions; its problem bodies are not read (they hold nothing we need). */
public class ProviderResponses implements ResponseExceptionMapper<ProviderException> {

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ProviderException toThrowable(Response response) {
        int status = response.getStatus();
        if (status == 503 || status == 502 || status == 504) {
            return new ProviderException(Kind.UNAVAILABLE, "the provider is busy or unavailable (" + status + ")");
        }
        return new ProviderException(Kind.REFUSED, "the provider refused the request (" + status + ")");
    }
}
