package care.enclave.patients.control;

import care.enclave.patients.entity.RiskScore;
import care.enclave.patients.entity.RiskScore.ConditionMatch;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The age-adjusted Charlson Comorbidity Index: condition weights plus age points at admission
 * (50-59: 1, 60-69: 2, 70-79: 3, 80 and over: 4), and Charlson's 10-year mortality estimate
 * 1 - 0.983^(e^(0.9 x index)). Pure and deterministic.
 */
public final class CharlsonScorer {

    private static final double TEN_YEAR_SURVIVAL_BASE = 0.983;
    private static final double INDEX_COEFFICIENT = 0.9;

    private CharlsonScorer() {
    }

    public static RiskScore score(String conditions, LocalDate dob, LocalDate admitted) {
        Map<CharlsonCondition, String> found = new EnumMap<>(CharlsonCondition.class);
        List<String> unmatched = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String term : ConditionTerms.split(conditions)) {
            String normalised = ConditionTerms.normalise(term);
            if (ConditionTerms.isNothing(normalised)) {
                continue;
            }
            if (ConditionTerms.isExcluded(normalised)) {
                excluded.add(term);
                continue;
            }
            Optional<CharlsonCondition> match = bestMatch(normalised);
            match.ifPresentOrElse(c -> found.putIfAbsent(c, term), () -> unmatched.add(term));
        }
        List<ConditionMatch> matches = weigh(found);
        int conditionPoints = matches.stream().mapToInt(ConditionMatch::points).sum();
        int age = Period.between(dob, admitted).getYears();
        int agePoints = agePoints(age);
        int index = conditionPoints + agePoints;
        return new RiskScore(tenYearMortality(index), index, conditionPoints, age, agePoints,
                matches, List.copyOf(unmatched), List.copyOf(excluded));
    }

    static int agePoints(int age) {
        if (age < 50) {
            return 0;
        }
        return Math.min(4, (age - 40) / 10);
    }

    static double tenYearMortality(int index) {
        return 1 - Math.pow(TEN_YEAR_SURVIVAL_BASE, Math.exp(INDEX_COEFFICIENT * index));
    }

    /** The most specific condition wins: the longest synonym found anywhere in the term. */
    private static Optional<CharlsonCondition> bestMatch(String normalised) {
        CharlsonCondition best = null;
        int bestLength = 0;
        for (CharlsonCondition condition : CharlsonCondition.values()) {
            for (String synonym : condition.synonyms()) {
                if (synonym.length() > bestLength && ConditionTerms.containsPhrase(normalised, synonym)) {
                    best = condition;
                    bestLength = synonym.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A severe form replaces its milder form: the milder one is listed with 0 points and a note. */
    private static List<ConditionMatch> weigh(Map<CharlsonCondition, String> found) {
        List<ConditionMatch> matches = new ArrayList<>();
        found.forEach((condition, term) -> {
            Optional<CharlsonCondition> supersededBy = found.keySet().stream()
                    .filter(other -> other.supersedes().orElse(null) == condition)
                    .findFirst();
            matches.add(supersededBy
                    .map(severe -> new ConditionMatch(term, condition.label(), 0,
                            "counted as " + severe.label()))
                    .orElseGet(() -> new ConditionMatch(term, condition.label(), condition.points(), null)));
        });
        matches.sort(Comparator.comparingInt(ConditionMatch::points).reversed());
        return matches;
    }
}
