package it.care.enclave;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Small HTTP helpers for black-box tests: real requests over TLS to the IT server. Patient values sent and
 * error bodies received are kept in the {@link ItTrail} for the leak scan.
 */
public final class Http {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private Http() {
    }

    public static HttpResponse<String> post(String path, String contentType, String body, String authorization) {
        if (path.startsWith("/patient/")) {
            ItTrail.patientRequest(path, body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(ItServer.https(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public static HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ItServer.https(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(ItServer.client(), request);
    }

    /** A GET over the load tests' kept-alive connections, for reading back thousands of records quickly. */
    public static HttpResponse<String> getKeptAlive(String path, String authorization) {
        return send(ItServer.sharedClient(), HttpRequest.newBuilder(ItServer.https(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).build());
    }

    public static HttpResponse<String> send(java.net.http.HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                ItTrail.errorResponse(response.statusCode(), response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** Seed-like form bodies with caller-chosen values, so each test owns the data it later searches for. */
    public static String seedForm(String marker) {
        return "fname=Jane" + marker + "&lname=Doe&address='123 Main Street'&city=Richmond&state=Washington"
                + "&ssn=123-223-2345&email=nr@aaa.com&dob=01/01/2010&contactphone=123-234-3456"
                + "&drugallergies='Sulpha, Penicillin, Tree Nut'&preexistingconditions='diabetes, hypertension, asthma'"
                + "&dateadmitted=01/05/2010&insurancedetails='Primera Blue Cross'";
    }
}
