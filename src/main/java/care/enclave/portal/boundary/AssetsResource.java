package care.enclave.portal.boundary;

import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The portal's pages and files, public because they hold no data: {@code /} (the app, which sends a signed
 * out browser to the sign-in page), {@code /login}, and {@code /assets/*} (scripts, styles, icons).
 */
@Path("")
@PermitAll
public class AssetsResource {

    @Inject
    PortalAssets assets;

    @Context
    Request request;

    @GET
    @Operation(hidden = true)
    public Response app() {
        return serve("/index.html");
    }

    @GET
    @Operation(hidden = true)
    @Path("login")
    public Response login() {
        return serve("/login.html");
    }

    @GET
    @Operation(hidden = true)
    @Path("assets/{name: [a-z0-9-]{1,40}\\.(js|css|svg)}")
    public Response asset(@PathParam("name") String name) {
        return serve("/assets/" + name);
    }

    private Response serve(String path) {
        PortalAssets.Asset asset = assets.find(path).orElseThrow(NotFoundException::new);
        EntityTag tag = new EntityTag(asset.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return notModified != null ? notModified.build()
                : Response.ok(asset.bytes(), asset.type()).tag(tag).build();
    }
}
