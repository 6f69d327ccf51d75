package care.enclave.diagnostics.boundary;

import care.enclave.platform.problem.InvalidRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/**
 * A multipart body that cannot be read (no boundary, broken framing, a client gone mid-upload) is the
 * caller's malformed request, a 400 problem document, not a failure of the server: the JAX-RS multipart
 * reader reports all of them as an {@link IOException}.
 */
@Provider
public class MultipartForms implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        try {
            return context.proceed();
        } catch (IOException unreadable) {
            throw new InvalidRequest("the multipart body cannot be read; send the image as the multipart field img");
        }
    }
}
