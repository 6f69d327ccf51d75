package care.enclave.patients.control;

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

/** Admits patients (read, validate, score, store once) and looks them up. */
@ApplicationScoped
public class PatientRegistry {

    @Inject
    PatientStore store;

    @Inject
    Clock clock;

    public Patient admit(String id, String contentType, InputStream body) {
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

    public Patient find(String id) {
        PatientValidator.requireValidId(id);
        return store.find(id).orElseThrow(PatientNotFound::new);
    }
}
