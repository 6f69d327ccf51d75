package it.care.enclave;

import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The platform's audit trail ({@code GET /audit}, role {@code auditor}) for the leak scan, where this build
 * has one: a server without an auditor account or without the endpoint is noted and skipped.
 */
final class AuditTrail {

    private AuditTrail() {
    }

    static Optional<String> read() {
        String password;
        try {
            password = ItServer.generatedPassword("auditor");
        } catch (IllegalStateException noAuditor) {
            System.out.println("Leak scan: no auditor account on this server, the audit trail is not scanned");
            return Optional.empty();
        }
        HttpResponse<String> audit = Http.get("/audit", ItServer.basicAuth("auditor", password));
        if (audit.statusCode() != 200) {
            // Only an absent endpoint (or one this build guards differently) is skipped; anything else fails.
            if (!java.util.Set.of(401, 403, 404).contains(audit.statusCode())) {
                throw new AssertionError("GET /audit answered " + audit.statusCode() + ": " + audit.body());
            }
            System.out.println("Leak scan: GET /audit answered " + audit.statusCode() + ", the audit trail is not scanned");
            return Optional.empty();
        }
        return Optional.of(audit.body());
    }
}
