package care.enclave.audit.api;

/**
 * Records what happens, on behalf of the current caller (the authenticated user, partner or enclave of
 * the request; the platform itself outside a request).
 *
 * <p>Fails closed for what succeeded: a {@code SUCCESS} event that cannot be written throws
 * {@link AuditUnavailable}, so the caller answers 503 instead of disclosing or confirming anything
 * unaudited. Refusals and failures are recorded on a best-effort basis (nothing was disclosed or changed);
 * one that cannot be written is logged as lost and counted in {@code GET /audit/verify}.
 */
public interface AuditTrail {

    void record(AuditEvent event);
}
