package care.enclave.platform.problem;

import static care.enclave.platform.json.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem document. Details are written by the platform, never copied from input, so a
 * problem can be logged or shown without leaking patient data.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private final int status;
    private final String title;
    private String detail;
    private List<FieldError> errors = List.of();
    private Integer retryAfterSeconds;
    private final java.util.Map<String, String> extensions = new java.util.LinkedHashMap<>();

    private Problem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public static Problem of(int status, String title) {
        return new Problem(status, title);
    }

    public Problem detail(String detail) {
        this.detail = detail;
        return this;
    }

    public Problem errors(List<FieldError> errors) {
        this.errors = List.copyOf(errors);
        return this;
    }

    /** An extension member such as a machine-readable {@code reason}; platform-chosen text only. */
    public Problem extension(String name, String value) {
        extensions.put(name, value);
        return this;
    }

    public Problem retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public int status() {
        return status;
    }

    /** The JSON body; the correlation id lets an operator find the matching log line. */
    public String toJson(String correlationId) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("reason", e.reason())));
            body.add("errors", list);
        }
        extensions.forEach(body::add);
        if (correlationId != null) {
            body.add("correlationId", correlationId);
        }
        return body.build().toString();
    }

    public Response toResponse(String correlationId) {
        Response.ResponseBuilder response = Response.status(status)
                .type(PROBLEM_JSON)
                .entity(toJson(correlationId));
        if (retryAfterSeconds != null) {
            response.header("Retry-After", retryAfterSeconds);
        }
        return response.build();
    }

    /** One rejected field: its name and the rule it broke, never its value. */
    public record FieldError(String field, String reason) {
    }
}
