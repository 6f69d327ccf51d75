package it.care.enclave;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static it.care.enclave.Http.FORM;
import static it.care.enclave.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delineation for a patient: kept with the record, encrypted like it, listed back; an unknown patient is
 * refused before the image goes anywhere.
 */
class PatientDelineationIT {

    @Test
    void aDelineationIsKeptWithTheRecordAndListedBack() throws Exception {
        String id = "mri-" + UUID.randomUUID();
        assertEquals(201, Http.post("/patient/" + id, FORM, Http.seedForm(""), ItServer.clerkAuth()).statusCode());

        HttpResponse<String> created = DelineateIT.upload("/patient/" + id + "/delineate", "img", "s.png", "image/png",
                DelineateIT.sampleSlice(), ItServer.clerkAuth());

        assertEquals(201, created.statusCode(), created.body());
        JsonObject result = json(created);
        assertTrue(result.getInt("lesion_pixels") > 0);
        JsonArray listed = json(Http.get("/patient/" + id + "/delineations", ItServer.clerkAuth()))
                .getJsonArray("delineations");
        assertEquals(1, listed.size());
        assertEquals(result.getString("mask"), listed.getJsonObject(0).getString("mask"));
        assertEquals(result.getString("created"), listed.getJsonObject(0).getString("created"));
        assertEquals(404, Http.get("/patient/" + id + "-other/delineations", ItServer.clerkAuth()).statusCode(),
                "an unknown patient has no delineations to list");
    }

    @Test
    void anUnknownPatientIsRefusedBeforeTheProviderIsCalled() throws Exception {
        long before = ProviderPinIT.requestsReceived("flair-threshold");

        HttpResponse<String> refused = DelineateIT.upload("/patient/no-such-" + UUID.randomUUID() + "/delineate", "img",
                "s.png", "image/png", DelineateIT.sampleSlice(), ItServer.clerkAuth());

        assertEquals(404, refused.statusCode(), refused.body());
        assertEquals(before, ProviderPinIT.requestsReceived("flair-threshold"), "the image went to the provider for an unknown patient");
        assertFalse(refused.body().contains("no-such-"), "the id is not echoed");
    }

    @Test
    void onlyClerksDelineateForPatients() throws Exception {
        assertEquals(401, DelineateIT.upload("/patient/x1/delineate", "img", "s.png", "image/png",
                DelineateIT.sampleSlice(), null).statusCode());
        assertEquals(401, Http.get("/patient/x1/delineations", null).statusCode());
    }
}
