package care.enclave.patients.entity;

import java.util.List;

/**
 * The age-adjusted Charlson Comorbidity Index and the 10-year mortality it estimates, with every
 * contribution spelled out so a clerk can see why the score is what it is.
 */
public record RiskScore(
        double score,
        int index,
        int conditionPoints,
        int ageAtAdmission,
        int agePoints,
        List<ConditionMatch> conditions,
        List<String> unmatched,
        List<String> excluded) {

    public static final String METHOD = "Age-adjusted Charlson Comorbidity Index (Charlson 1987); "
            + "score = estimated 10-year mortality = 1 - 0.983^(e^(0.9 x index))";

    /** One entered condition recognised as a Charlson condition; superseded ones score 0 and say why. */
    public record ConditionMatch(String term, String condition, int points, String note) {
    }
}
