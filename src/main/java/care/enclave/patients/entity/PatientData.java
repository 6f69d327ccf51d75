package care.enclave.patients.entity;

/** The thirteen fields a clerk enters, as validated (trimmed, dates as the clerk wrote them). */
public record PatientData(
        String fname,
        String lname,
        String address,
        String city,
        String state,
        String ssn,
        String email,
        String dob,
        String contactphone,
        String drugallergies,
        String preexistingconditions,
        String dateadmitted,
        String insurancedetails) {
}
