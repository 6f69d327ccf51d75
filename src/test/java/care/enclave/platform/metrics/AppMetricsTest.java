package care.enclave.platform.metrics;

import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Label values outside the closed alphabet never reach a label. */
class AppMetricsTest {

    @Test
    void enumAndModelNamesAreKept() {
        Tag[] tags = AppMetrics.tags("reason", "QUOTE_SIGNATURE_INVALID", "model", "flair-threshold.v2");

        assertEquals("QUOTE_SIGNATURE_INVALID", tags[0].getTagValue());
        assertEquals("flair-threshold.v2", tags[1].getTagValue());
    }

    @Test
    void anythingElseBecomesOther() {
        Tag[] tags = AppMetrics.tags("a", "123-22 3-2345", "b", "x\"}", "c", "/patient/p1", "d", null, "e", "x".repeat(65));

        for (Tag tag : tags) {
            assertEquals("other", tag.getTagValue(), tag.getTagName());
        }
    }
}
