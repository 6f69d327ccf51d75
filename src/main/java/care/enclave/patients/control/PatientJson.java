package care.enclave.patients.control;

import static care.enclave.platform.json.JsonSupport.JSON;

import care.enclave.patients.entity.Patient;
import care.enclave.patients.entity.PatientData;
import care.enclave.patients.entity.RiskScore;
import care.enclave.patients.entity.RiskScore.ConditionMatch;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.util.List;

/**
 * The seed-compatible JSON of a patient (every field, {@code id}, {@code score}) plus {@code scoreDetails}.
 * The same document is what gets encrypted into Redis, so reading a record back yields exactly what was
 * answered when it was created.
 */
public final class PatientJson {

    private PatientJson() {
    }

    public static JsonObject patient(Patient patient) {
        PatientData d = patient.data();
        return JSON.createObjectBuilder()
                .add("id", patient.id())
                .add("fname", d.fname()).add("lname", d.lname())
                .add("address", d.address()).add("city", d.city()).add("state", d.state())
                .add("ssn", d.ssn()).add("email", d.email()).add("dob", d.dob())
                .add("contactphone", d.contactphone()).add("drugallergies", d.drugallergies())
                .add("preexistingconditions", d.preexistingconditions()).add("dateadmitted", d.dateadmitted())
                .add("insurancedetails", d.insurancedetails())
                .add("score", patient.risk().score())
                .add("scoreDetails", details(patient.risk()))
                .build();
    }

    public static JsonObject score(Patient patient) {
        return JSON.createObjectBuilder()
                .add("id", patient.id())
                .add("score", patient.risk().score())
                .add("scoreDetails", details(patient.risk()))
                .build();
    }

    static JsonObject details(RiskScore risk) {
        JsonArrayBuilder conditions = JSON.createArrayBuilder();
        for (ConditionMatch match : risk.conditions()) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("term", match.term()).add("condition", match.condition()).add("points", match.points());
            if (match.note() != null) {
                item.add("note", match.note());
            }
            conditions.add(item);
        }
        return JSON.createObjectBuilder()
                .add("method", RiskScore.METHOD)
                .add("index", risk.index())
                .add("conditionPoints", risk.conditionPoints())
                .add("ageAtAdmission", risk.ageAtAdmission())
                .add("agePoints", risk.agePoints())
                .add("conditions", conditions)
                .add("unmatched", JSON.createArrayBuilder(risk.unmatched()))
                .add("excluded", JSON.createArrayBuilder(risk.excluded()))
                .build();
    }

    public static Patient fromJson(JsonObject json) {
        PatientData data = new PatientData(json.getString("fname"), json.getString("lname"),
                json.getString("address"), json.getString("city"), json.getString("state"), json.getString("ssn"),
                json.getString("email"), json.getString("dob"), json.getString("contactphone"),
                json.getString("drugallergies"), json.getString("preexistingconditions"),
                json.getString("dateadmitted"), json.getString("insurancedetails"));
        return new Patient(json.getString("id"), data, risk(json.getJsonNumber("score").doubleValue(),
                json.getJsonObject("scoreDetails")));
    }

    private static RiskScore risk(double score, JsonObject d) {
        List<ConditionMatch> conditions = d.getJsonArray("conditions").getValuesAs(JsonObject.class).stream()
                .map(c -> new ConditionMatch(c.getString("term"), c.getString("condition"), c.getInt("points"),
                        c.getString("note", null)))
                .toList();
        return new RiskScore(score, d.getInt("index"), d.getInt("conditionPoints"), d.getInt("ageAtAdmission"),
                d.getInt("agePoints"), conditions, strings(d, "unmatched"), strings(d, "excluded"));
    }

    private static List<String> strings(JsonObject d, String name) {
        return d.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
