package care.enclave.attestation.boundary;

import care.enclave.attestation.control.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;

import static care.enclave.platform.json.JsonSupport.JSON;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token signing keys (JWKS with x5c) and the OpenID metadata that points at them; public. */
@Path("")
@Tag(name = "Attestation")
@SecurityRequirements
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class CertsResource {

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "attestation.issuer")
    String issuer;

    @GET
    @Path("certs")
    @Operation(summary = "The token signing keys (JWKS with x5c)")
    @APIResponse(responseCode = "200", description = "The published keys",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "Jwks")))
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String certs() {
        return keys.jwks().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @GET
    @Path(".well-known/openid-configuration")
    @Operation(summary = "Issuer metadata pointing at /certs")
    @APIResponse(responseCode = "200", description = "OpenID metadata", content = @Content(mediaType = "application/json"))
    @APIResponse(responseCode = "500", ref = "ServerError")
    public String openidConfiguration() {
        return JSON.createObjectBuilder()
                .add("issuer", issuer)
                .add("jwks_uri", issuer + "/certs")
                .add("response_types_supported", JSON.createArrayBuilder().add("token").add("none"))
                .add("id_token_signing_alg_values_supported", JSON.createArrayBuilder().add("RS256"))
                .add("claims_supported", JSON.createArrayBuilder().add("x-ms-ver").add("x-ms-attestation-type")
                        .add("x-ms-policy-hash").add("x-ms-runtime").add("x-ms-sgx-mrenclave").add("x-ms-sgx-mrsigner")
                        .add("x-ms-sgx-product-id").add("x-ms-sgx-svn").add("x-ms-sgx-is-debuggable")
                        .add("x-ms-sgx-ehd").add("x-ms-sgx-report-data").add("x-ms-sgx-tcb-status"))
                .build().toString();
    }
}
