package care.enclave.diagnostics.boundary;

import care.enclave.diagnostics.control.DelineationService;
import care.enclave.platform.problem.BoundedBody;
import care.enclave.platform.problem.InvalidRequest;
import care.enclave.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.logging.Logger;

/**
 * The seed's {@code POST /delineate} (multipart field {@code img}): the tumour outlined by the diagnostics
 * provider's model, with the lesion size, the model's identity and the provider enclave's verified claims.
 * Nothing is kept; {@code POST /patient/{id}/delineate} keeps the result with a record.
 */
@Path("delineate")
@Tag(name = "Diagnostics", description = "Tumour delineation by the provider's model in its enclave (clerks)")
@SecurityRequirement(name = "staffBasic")
@RolesAllowed("clerk")
@Produces(MediaType.APPLICATION_JSON)
public class DelineateResource {

    static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(DelineateResource.class.getName());

    @Inject
    DelineationService delineation;

    @Inject
    Problems problems;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Delineate a brain MRI slice",
            description = "Multipart field img (PNG or JPEG, up to 16 MiB, at most 1024 pixels a side and 8 MiB decoded; "
                    + "above 2 MiB decoded at most 200 times its compressed size, else 413). The provider enclave is verified first; "
                    + "the slice travels HPKE-sealed to it.")
    @APIResponse(responseCode = "200", description = "The outline, the mask, the lesion's size and who computed it",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Delineation")))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedType")
    @APIResponse(responseCode = "502", ref = "BadGateway")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String delineate(List<EntityPart> form) {
        DelineationService.Result result = delineation.delineate(image(form));
        log(result, problems.correlationId());
        return DelineationJson.of(result).toString();
    }

    /** How it went, never what it found: the lesion measures are patient data. */
    static void log(DelineationService.Result result, String correlationId) {
        LOG.info(() -> "Delineation with model " + result.provider().modelName() + ": provider verified in "
                + result.verifyMillis() + " ms, inference " + result.inferMillis() + " ms [correlationId="
                + correlationId + "]");
    }

    /**
     * The form as JAX-RS reads it from the request's stream ({@link MultipartForms} turns a broken one into a
     * 400), not through the servlet container's multipart parser: when a client aborts an upload, that parser's
     * failure becomes an FFDC incident file holding the request's headers (the Basic credentials) and URI.
     */
    static byte[] image(List<EntityPart> form) {
        EntityPart img = form == null ? null
                : form.stream().filter(part -> "img".equals(part.getName())).findFirst().orElse(null);
        if (img == null) {
            throw new InvalidRequest("send the image as the multipart field img");
        }
        return BoundedBody.read(img.getContent(), MAX_IMAGE_BYTES);
    }
}
