package it.care.enclave;

import care.enclave.diagnostics.api.Delineation;
import care.enclave.diagnostics.api.DelineationClient;
import care.enclave.patients.api.Score;
import care.enclave.patients.api.ScoresClient;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed MicroProfile REST clients partners use (patients.api.ScoresClient, diagnostics.api.DelineationClient),
 * run as a partner runs them: outside the server, with a partner's JWT or a clerk's credentials.
 */
class PartnerClientIT {

    static String id;

    @BeforeAll
    static void admitPatient() {
        id = "client_" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, post("/patient/" + id, FORM, Http.seedForm(""), ItServer.clerkAuth()).statusCode());
    }

    private static <T> T client(Class<T> api, String authorization) {
        return RestClientBuilder.newBuilder().baseUri(URI.create(ItServer.https("/").toString()))
                .sslContext(ItServer.tls())
                .register((ClientRequestFilter) request -> request.getHeaders().putSingle("Authorization", authorization))
                .build(api);
    }

    @Test
    void aPartnerReadsAScoreWithItsToken() throws Exception {
        ScoresClient scores = client(ScoresClient.class, "Bearer " + PartnerIssuer.token("lab-1", "partner"));

        Score score = scores.score(id);

        assertEquals(id, score.id());
        // Http.seedForm: admitted as a child (no age points) with diabetes and asthma (1 point each).
        assertEquals(2, ((Number) score.scoreDetails().get("index")).intValue());
        assertTrue(score.score() > 0 && score.score() < 1);
    }

    @Test
    void refusalsArriveAsProblemResponses() throws Exception {
        ScoresClient partner = client(ScoresClient.class, "Bearer " + PartnerIssuer.token("lab-1", "partner"));
        ScoresClient forged = client(ScoresClient.class, "Bearer " + PartnerIssuer.token("mallory", "clerk"));

        WebApplicationException unknown = assertThrows(WebApplicationException.class, () -> partner.score("nobody_" + id));
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> forged.score(id));

        assertEquals(404, unknown.getResponse().getStatus());
        assertEquals("application/problem+json", unknown.getResponse().getMediaType().toString());
        assertEquals(401, refused.getResponse().getStatus());
    }

    @Test
    void aHospitalSystemRequestsADelineation() throws Exception {
        DelineationClient diagnostics = client(DelineationClient.class, ItServer.clerkAuth());
        Delineation delineation = diagnostics.delineate(
                DelineationClient.image("slice.png", "image/png", DelineateIT.sampleSlice()));

        assertTrue(delineation.lesionPixels() > 0);
        assertEquals("flair-threshold", delineation.model().name());
        assertTrue(delineation.provider().simulated());
        assertEquals(3, delineation.maaToken().split("\\.").length);
    }
}
