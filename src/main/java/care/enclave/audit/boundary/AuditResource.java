package care.enclave.audit.boundary;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.audit.control.AuditCodec;
import care.enclave.audit.control.AuditReader;
import care.enclave.audit.control.ChainVerifier.Verification;
import care.enclave.platform.json.JsonBodies;
import care.enclave.platform.problem.InvalidRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import java.util.Base64;
import java.util.List;

import static care.enclave.platform.json.JsonSupport.JSON;

/**
 * The audit trail, for auditors only: {@code GET /audit?after=&limit=} pages through entries,
 * {@code GET /audit/verify} checks the whole chain, {@code POST /audit/lookup} {@code {"id": ...}} lists
 * the entries naming one record (the id travels in the body, never in a URL, and the lookup is itself
 * recorded).
 */
@Path("audit")
@RolesAllowed("auditor")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final int MAX_BODY_BYTES = 4 * 1024;
    private static final int MAX_ID_LENGTH = 256;

    @Inject
    AuditReader reader;

    @Inject
    AuditTrail trail;

    @GET
    public String page(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        long from = number(after, "after", 0, Long.MAX_VALUE - MAX_LIMIT, 0);
        int count = (int) number(limit, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<AuditReader.Stored> page = reader.page(from, count);
        JsonArrayBuilder entries = JSON.createArrayBuilder();
        page.forEach(stored -> entries.add(stored.entry().map(AuditCodec::json).orElseGet(() ->
                JSON.createObjectBuilder().add("seq", stored.position()).add("unreadable", true).build())));
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("entries", entries);
        if (page.size() == count) {
            answer.add("next", page.get(page.size() - 1).position());
        }
        return answer.build().toString();
    }

    @GET
    @Path("verify")
    public String verify() {
        Verification result = reader.verify();
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("entries", result.entries()).add("ok", result.ok())
                .add("lostSinceStart", reader.lostSinceStart());
        result.firstBreak().ifPresent(b -> answer.add("firstBrokenSeq", b.seq()).add("problem", b.problem()));
        result.head().ifPresent(h -> answer.add("head", JSON.createObjectBuilder().add("seq", h.seq())
                .add("mac", Base64.getUrlEncoder().withoutPadding().encodeToString(h.mac()))));
        return answer.build().toString();
    }

    @POST
    @Path("lookup")
    public String lookup(InputStream body) {
        JsonObject request = JsonBodies.readObject(body, MAX_BODY_BYTES);
        if (!(request.get("id") instanceof JsonString id) || id.getString().isEmpty()
                || id.getString().length() > MAX_ID_LENGTH) {
            throw new InvalidRequest("send {\"id\": the record id, 1-" + MAX_ID_LENGTH + " characters}");
        }
        trail.record(AuditEvent.success(Action.AUDIT_LOOKUP).onRecord(id.getString()));
        JsonArrayBuilder entries = JSON.createArrayBuilder();
        reader.lookup(id.getString()).forEach(e -> entries.add(AuditCodec.json(e)));
        return JSON.createObjectBuilder().add("subject", reader.subjectOf(id.getString())).add("entries", entries)
                .build().toString();
    }

    private static long number(String text, String name, long min, long max, long absent) {
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequest(name + " must be a whole number from " + min + " to " + max);
    }
}
