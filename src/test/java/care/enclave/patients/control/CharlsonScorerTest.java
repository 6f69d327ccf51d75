package care.enclave.patients.control;

import care.enclave.patients.entity.RiskScore;
import care.enclave.patients.entity.RiskScore.ConditionMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected values were computed by hand: points from Charlson's table, 1 - 0.983^(e^(0.9 x index)). */
class CharlsonScorerTest {

    private static final LocalDate ADMITTED = LocalDate.of(2024, 6, 1);

    @Test
    void seedPatientScoresDiabetesAndAsthmaButNotHypertension() {
        RiskScore cut = CharlsonScorer.score("'diabetes, hypertension, asthma'",
                LocalDate.of(2010, 1, 1), LocalDate.of(2010, 1, 5));

        assertEquals(2, cut.index());
        assertEquals(2, cut.conditionPoints());
        assertEquals(0, cut.agePoints());
        assertEquals(0, cut.ageAtAdmission());
        assertEquals(List.of("hypertension"), cut.unmatched());
        assertEquals(0.09852973096317874, cut.score(), 1e-15);
        assertEquals(List.of("Chronic pulmonary disease", "Diabetes mellitus (uncomplicated)"),
                cut.conditions().stream().map(ConditionMatch::condition).sorted().toList());
    }

    @Test
    void severeFormsSupersedeMildOnesAndAgeAddsPoints() {
        RiskScore cut = CharlsonScorer.score(
                "Type 2 diabetes with nephropathy; CHF; breast cancer; metastatic breast cancer",
                LocalDate.of(1952, 3, 10), ADMITTED);

        // diabetes with end-organ damage 2 + CHF 1 + metastatic tumour 6 (localised tumour counted 0) + age 72: 3
        assertEquals(9, cut.conditionPoints());
        assertEquals(72, cut.ageAtAdmission());
        assertEquals(3, cut.agePoints());
        assertEquals(12, cut.index());
        ConditionMatch localised = cut.conditions().stream()
                .filter(c -> c.condition().equals("Solid tumour (localised)")).findFirst().orElseThrow();
        assertEquals(0, localised.points());
        assertEquals("counted as Metastatic solid tumour", localised.note());
    }

    @Test
    void liverDiseaseCountsOnceAtItsSeverestForm() {
        RiskScore cut = CharlsonScorer.score("cirrhosis, portal hypertension", LocalDate.of(1990, 1, 1), ADMITTED);

        assertEquals(3, cut.conditionPoints());
    }

    @Test
    void negatedAndFamilyHistoryTermsDoNotCount() {
        RiskScore cut = CharlsonScorer.score("no diabetes, family history of cancer, denies COPD, none, benign tumor",
                LocalDate.of(1990, 1, 1), ADMITTED);

        assertEquals(0, cut.index());
        assertEquals(List.of("no diabetes", "family history of cancer", "denies COPD", "benign tumor"), cut.excluded());
        assertEquals(0.017000000000000015, cut.score(), 1e-15);
    }

    @Test
    void abbreviationsMatchOnlyAsWholeWords() {
        RiskScore cut = CharlsonScorer.score("mild headache, old MI, Alzheimer's", LocalDate.of(1990, 1, 1), ADMITTED);

        assertEquals(2, cut.conditionPoints());
        assertEquals(List.of("mild headache"), cut.unmatched());
    }

    @Test
    void sameConditionEnteredTwiceCountsOnce() {
        RiskScore cut = CharlsonScorer.score("asthma, COPD, emphysema", LocalDate.of(1990, 1, 1), ADMITTED);

        assertEquals(1, cut.conditionPoints());
    }

    @Test
    void emptyConditionsLeaveOnlyAgePoints() {
        RiskScore cut = CharlsonScorer.score("", LocalDate.of(1944, 6, 1), ADMITTED);

        assertEquals(4, cut.index());
        assertEquals(0.4660852734333053, cut.score(), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "49,0", "50,1", "59,1", "60,2", "69,2", "70,3", "79,3", "80,4", "104,4"})
    void agePointsFollowTheDecades(int age, int points) {
        assertEquals(points, CharlsonScorer.agePoints(age));
    }

    @ParameterizedTest
    @CsvSource({"1,0.04129584567133926", "3,0.22518442336272027", "5,0.7863568183717871", "7,0.9999119245274187"})
    void mortalityFollowsCharlsonsFormula(int index, double expected) {
        assertEquals(expected, CharlsonScorer.tenYearMortality(index), 1e-15);
    }

    @Test
    void ageIsCountedAtAdmissionNotToday() {
        RiskScore cut = CharlsonScorer.score("", LocalDate.of(1950, 6, 2), LocalDate.of(2000, 6, 1));

        assertEquals(49, cut.ageAtAdmission());
        assertEquals(0, cut.agePoints());
    }
}
