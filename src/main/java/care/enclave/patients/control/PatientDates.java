package care.enclave.patients.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Dates as the seed wrote them ({@code MM/DD/YYYY}) or as ISO 8601 ({@code YYYY-MM-DD}), strictly. */
public final class PatientDates {

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private PatientDates() {
    }

    public static Optional<LocalDate> parse(String text) {
        DateTimeFormatter format = text.indexOf('/') >= 0 ? US : ISO;
        try {
            return Optional.of(LocalDate.parse(text, format));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
