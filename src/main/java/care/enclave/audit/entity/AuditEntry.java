package care.enclave.audit.entity;

import java.time.Instant;

/**
 * One link of the chain. {@code mac} = HMAC-SHA-256(chain key, canonical(prev, seq, time, actor, action,
 * subject, target, outcome, reason, correlation)); {@code prev} is the previous entry's mac (32 zero bytes
 * for the first). Optional fields are empty strings, never null, so the canonical form is unambiguous.
 *
 * @param subject     the keyed hash of the record acted on (base64url), or empty
 * @param correlation the request's correlation id (as in its problem responses), or empty
 */
public record AuditEntry(long seq, Instant time, Actor actor, String action, String subject, String target,
                         String outcome, String reason, String correlation, byte[] prev, byte[] mac) {
}
