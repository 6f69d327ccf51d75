package care.enclave.diagnostics.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Delineation for a hospital's systems, as a typed MicroProfile REST Client ({@code enclave-care/mp-rest/url}).
 * A clerk's credentials are required (register a filter sending HTTP Basic).
 */
@Path("/delineate")
@RegisterRestClient(configKey = "enclave-care")
public interface DelineationClient {

    /** @param form the multipart form {@code POST /delineate} takes: {@link #image} builds it */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Delineation delineate(List<EntityPart> form);

    /**
     * The form holding one slice, the part named {@code img}.
     *
     * @param mediaType {@code image/png} or {@code image/jpeg}
     */
    static List<EntityPart> image(String fileName, String mediaType, byte[] image) {
        try {
            return List.of(EntityPart.withName("img").fileName(fileName).mediaType(MediaType.valueOf(mediaType))
                    .content(image).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
