package care.enclave.patients.api;

import java.util.Map;

/** A patient's risk score as {@code GET /score/{id}} answers it: estimated 10-year mortality and how it was reached. */
public record Score(String id, double score, Map<String, Object> scoreDetails) {
}
