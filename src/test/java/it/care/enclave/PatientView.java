package it.care.enclave;

import java.util.Map;

/** A patient or score as returned by the API; public fields for JSON-B. */
public class PatientView {
    public String id;
    public String fname;
    public String ssn;
    public String dob;
    public Double score;
    public Map<String, Object> scoreDetails;
}
