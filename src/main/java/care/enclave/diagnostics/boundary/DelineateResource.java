package care.enclave.diagnostics.boundary;

import care.enclave.diagnostics.control.DelineationService;
import care.enclave.platform.problem.BoundedBody;
import care.enclave.platform.problem.InvalidRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;

/**
 * The seed's {@code POST /delineate} (multipart field {@code img}): the tumour outlined by the diagnostics
 * provider's model, with the lesion size, the model's identity and the provider enclave's verified claims.
 * Nothing is kept; {@code POST /patient/{id}/delineate} keeps the result with a record.
 */
@Path("delineate")
@RolesAllowed("clerk")
@Produces(MediaType.APPLICATION_JSON)
public class DelineateResource {

    static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;

    @Inject
    DelineationService delineation;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String delineate(@FormParam("img") EntityPart img) {
        return DelineationJson.of(delineation.delineate(image(img))).toString();
    }

    static byte[] image(EntityPart img) {
        if (img == null) {
            throw new InvalidRequest("send the image as the multipart field img");
        }
        return BoundedBody.read(img.getContent(), MAX_IMAGE_BYTES);
    }
}
