package it.care.enclave;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static it.care.enclave.Http.FORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that remembers Basic credentials replays them on a cross-site form POST: such requests are
 * refused whatever the credentials, while same-origin pages and API clients (no browser headers) work.
 */
class CrossSiteIT {

    @Test
    void aCrossSiteFormPostWithValidCredentialsIsRefusedAndStoresNothing() {
        String id = newId();
        HttpResponse<String> refused = postAs(id, "https://evil.example", "cross-site");

        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, Http.get("/patient/" + id, ItServer.clerkAuth()).statusCode());
    }

    @Test
    void anotherOriginWithoutFetchMetadataIsRefused() {
        String id = newId();
        assertEquals(403, postAs(id, "https://evil.example", null).statusCode());
        assertEquals(404, Http.get("/patient/" + id, ItServer.clerkAuth()).statusCode());
    }

    @Test
    void theServersOwnOriginIsAccepted() {
        String own = ItServer.https("/").toString().replaceAll("/$", "");
        assertEquals(201, postAs(newId(), own, "same-origin").statusCode());
    }

    @Test
    void anApiClientWithoutBrowserHeadersIsAccepted() {
        assertEquals(201, postAs(newId(), null, null).statusCode());
    }

    @Test
    void httpsAnswersPinTransportSecurity() {
        HttpResponse<String> answer = Http.get("/patient/" + newId(), ItServer.clerkAuth());
        assertTrue(answer.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"));
    }

    private static HttpResponse<String> postAs(String id, String origin, String fetchSite) {
        ItTrail.patientRequest("/patient/" + id, PatientsIT.SEED_BODY);
        HttpRequest.Builder request = HttpRequest.newBuilder(ItServer.https("/patient/" + id))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", FORM)
                .header("Authorization", ItServer.clerkAuth())
                .POST(HttpRequest.BodyPublishers.ofString(PatientsIT.SEED_BODY));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return Http.send(request.build());
    }

    private static String newId() {
        return "xsite_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
