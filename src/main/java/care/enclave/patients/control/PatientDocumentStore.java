package care.enclave.patients.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.patients.api.PatientDocuments;
import care.enclave.patients.control.PatientsException.PatientNotFound;
import care.enclave.patients.control.PatientsException.RecordUnreadable;
import care.enclave.platform.crypto.Envelope;
import care.enclave.platform.crypto.EnvelopeException;
import care.enclave.platform.keys.DataKey;
import care.enclave.platform.keys.KeyException;
import care.enclave.platform.keys.KeyProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A record's documents as a Redis list beside it: key = the record's (HMAC-derived) key + ":" + kind, each
 * element an AES-256-GCM envelope under the current data key whose associated data binds it to that list.
 * Adding is one Lua script, so "the record exists, the list has room, append" is atomic.
 */
@ApplicationScoped
public class PatientDocumentStore implements PatientDocuments {

    private static final byte[] ADD_IF_RECORD_EXISTS = ("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[2]) then return -2 end
            return redis.call('RPUSH', KEYS[2], ARGV[1])
            """).getBytes(StandardCharsets.US_ASCII);

    @Inject
    PatientStore records;

    @Inject
    KeyProvider keys;

    @Inject
    AuditTrail audit;

    @Override
    public void requireRecord(String patientId) {
        PatientValidator.requireValidId(patientId);
        if (!records.exists(patientId)) {
            throw new PatientNotFound();
        }
    }

    @Override
    public void add(String patientId, String kind, byte[] document) {
        audited(Action.PATIENT_DOCUMENT_ADD, patientId, kind, () -> {
            append(patientId, kind, document);
            return null;
        });
    }

    @Override
    public List<byte[]> list(String patientId, String kind) {
        return audited(Action.PATIENT_DOCUMENTS_READ, patientId, kind, () -> read(patientId, kind));
    }

    private <T> T audited(Action action, String patientId, String kind, Supplier<T> operation) {
        T result;
        try {
            result = operation.get();
        } catch (PatientsException refused) {
            audit.record(AuditEvent.failure(action, refused.kind().name()).onRecord(patientId).on("kind=" + kind));
            throw refused;
        }
        audit.record(AuditEvent.success(action).onRecord(patientId).on("kind=" + kind));
        return result;
    }

    private void append(String patientId, String kind, byte[] document) {
        PatientValidator.requireValidId(patientId);
        byte[] recordKey = records.redisKey(patientId);
        byte[] listKey = listKey(recordKey, kind);
        DataKey dataKey = keys.currentDataKey();
        byte[] envelope = Envelope.seal(dataKey.key(), dataKey.version(), document, listKey);
        Object added = records.redis(() -> records.connection().client().eval(ADD_IF_RECORD_EXISTS,
                List.of(recordKey, listKey),
                List.of(envelope, Integer.toString(MAX_PER_KIND).getBytes(StandardCharsets.US_ASCII))));
        if (Long.valueOf(-1).equals(added)) {
            throw new PatientNotFound();
        }
        if (Long.valueOf(-2).equals(added)) {
            throw new PatientsException.DocumentsFull();
        }
    }

    private List<byte[]> read(String patientId, String kind) {
        requireRecord(patientId);
        byte[] listKey = listKey(records.redisKey(patientId), kind);
        List<byte[]> envelopes = records.redis(() -> records.connection().client().lrange(listKey, 0, -1));
        List<byte[]> documents = new ArrayList<>(envelopes.size());
        for (byte[] envelope : envelopes) {
            documents.add(open(listKey, envelope));
        }
        return documents;
    }

    private byte[] open(byte[] listKey, byte[] envelope) {
        try {
            return Envelope.open(keys.dataKey(Envelope.keyVersion(envelope)), envelope, listKey);
        } catch (EnvelopeException | KeyException e) {
            throw new RecordUnreadable();
        }
    }

    static byte[] listKey(byte[] recordKey, String kind) {
        if (kind == null || !kind.matches("[a-z-]{1,32}")) {
            throw new IllegalArgumentException("document kinds are 1-32 lowercase letters or hyphens");
        }
        byte[] suffix = (":" + kind).getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[recordKey.length + suffix.length];
        System.arraycopy(recordKey, 0, key, 0, recordKey.length);
        System.arraycopy(suffix, 0, key, recordKey.length, suffix.length);
        return key;
    }
}
