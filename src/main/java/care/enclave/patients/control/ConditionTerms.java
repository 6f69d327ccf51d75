package care.enclave.patients.control;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits free-text conditions into terms and normalises them for matching against synonyms. */
final class ConditionTerms {

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\n\\r]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final List<String> NOTHING = List.of("none", "nil", "na", "n a", "nka", "nkda", "unknown");
    /** Phrases after which a term does not describe a condition the patient has. */
    private static final List<String> EXCLUDING_PREFIXES = List.of(
            "no ", "not ", "denies ", "without ", "negative for ", "family history of ", "fh of ", "rule out ",
            "r o ", "suspected ", "possible ", "benign ");

    private ConditionTerms() {
    }

    /** The entered terms, trimmed and with the quotes clerks sometimes type around lists removed. */
    static List<String> split(String conditions) {
        if (conditions == null) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(conditions))
                .map(t -> t.strip().replaceAll("^['\"`]+|['\"`]+$", "").strip())
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** Lower case, accents and apostrophes dropped, every other non-alphanumeric run turned into one space. */
    static String normalise(String term) {
        String folded = Normalizer.normalize(term, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String lower = folded.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        return NOT_WORD.matcher(lower).replaceAll(" ").strip();
    }

    static boolean isNothing(String normalised) {
        return normalised.isEmpty() || NOTHING.contains(normalised);
    }

    static boolean isExcluded(String normalised) {
        String padded = normalised + " ";
        return EXCLUDING_PREFIXES.stream().anyMatch(padded::startsWith) || padded.contains(" benign ");
    }

    /** Whole-word containment: "mi" matches "old mi" but not "mild". */
    static boolean containsPhrase(String normalised, String phrase) {
        return (" " + normalised + " ").contains(" " + phrase + " ");
    }
}
