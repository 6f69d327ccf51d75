package it.care.enclave;

/** An intake as a partner's client would send it; public fields for JSON-B. */
public class PatientForm {
    public String fname = "Jane";
    public String lname = "Doe";
    public String address = "'123 Main Street'";
    public String city = "Richmond";
    public String state = "Washington";
    public String ssn = "123-223-2345";
    public String email = "nr@aaa.com";
    public String dob = "01/01/1950";
    public String contactphone = "123-234-3456";
    public String drugallergies = "'Sulpha, Penicillin, Tree Nut'";
    public String preexistingconditions = "'diabetes, hypertension, asthma'";
    public String dateadmitted = "01/05/2010";
    public String insurancedetails = "'Primera Blue Cross'";
}
