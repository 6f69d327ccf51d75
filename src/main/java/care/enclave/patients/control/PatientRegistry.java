package care.enclave.patients.control;

import care.enclave.audit.api.Action;
import care.enclave.audit.api.AuditEvent;
import care.enclave.audit.api.AuditTrail;
import care.enclave.patients.control.PatientsException.PatientExists;
import care.enclave.patients.control.PatientsException.PatientNotFound;
import care.enclave.patients.entity.Patient;
import care.enclave.patients.entity.PatientData;
import care.enclave.patients.entity.RiskScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Admits patients (read, validate, score, store once) and looks them up, recording every attempt in the
 * audit trail under the record's id (which the trail keeps only as a keyed hash). A record is returned
 * only once its access is recorded.
 */
@ApplicationScoped
public class PatientRegistry {

    @Inject
    PatientStore store;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public Patient admit(String id, String contentType, InputStream body) {
        return audited(Action.PATIENT_CREATE, id, () -> create(id, contentType, body));
    }

    public Patient read(String id) {
        return audited(Action.PATIENT_READ, id, () -> find(id));
    }

    public Patient readScore(String id) {
        return audited(Action.SCORE_READ, id, () -> find(id));
    }

    private Patient create(String id, String contentType, InputStream body) {
        PatientValidator.requireValidId(id);
        PatientData data = PatientValidator.validate(IntakeReader.read(contentType, body), LocalDate.now(clock));
        RiskScore risk = CharlsonScorer.score(data.preexistingconditions(),
                PatientDates.parse(data.dob()).orElseThrow(), PatientDates.parse(data.dateadmitted()).orElseThrow());
        Patient patient = new Patient(id, data, risk);
        if (!store.create(patient)) {
            throw new PatientExists();
        }
        return patient;
    }

    private Patient find(String id) {
        PatientValidator.requireValidId(id);
        return store.find(id).orElseThrow(PatientNotFound::new);
    }

    private Patient audited(Action action, String id, Supplier<Patient> operation) {
        Patient patient;
        try {
            patient = operation.get();
        } catch (PatientsException refused) {
            audit.record(AuditEvent.failure(action, refused.kind().name()).onRecord(id));
            throw refused;
        }
        audit.record(AuditEvent.success(action).onRecord(id));
        return patient;
    }
}
