package care.enclave.patients.api;

import java.util.List;

/**
 * Documents other modules keep with a patient's record (a delineation, say), sealed exactly as the record
 * is and never readable without it. Refusals (unknown patient, invalid id, store down, a full record) surface
 * as the patients module's own problem responses (404, 400, 503, 409).
 */
public interface PatientDocuments {

    /** How many documents of one kind a record keeps; beyond that, adding one is refused, never silently dropped. */
    int MAX_PER_KIND = 100;

    /** Refuses unless a record with this id exists: checked before costly or outward-facing work. */
    void requireRecord(String patientId);

    /** Keeps a document of this kind (lowercase letters and hyphens) with the record, atomically. */
    void add(String patientId, String kind, byte[] document);

    /** The record's documents of this kind, oldest first. */
    List<byte[]> list(String patientId, String kind);
}
