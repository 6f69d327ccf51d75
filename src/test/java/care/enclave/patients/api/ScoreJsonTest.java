package care.enclave.patients.api;

import care.enclave.diagnostics.api.Delineation;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The partner client's types read the platform's JSON as it is written (JSON-B, as a partner's client would). */
class ScoreJsonTest {

    @Test
    void aScoreReadsFromTheScoreResponse() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            Score score = jsonb.fromJson("{\"id\":\"p_1\",\"score\":0.53,\"scoreDetails\":{\"index\":4}}", Score.class);

            assertEquals("p_1", score.id());
            assertEquals(0.53, score.score());
            assertEquals(4, ((Number) score.scoreDetails().get("index")).intValue());
        }
    }

    @Test
    void aDelineationReadsItsSnakeCaseFields() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            Delineation d = jsonb.fromJson("{\"img_delineated\":\"AA==\",\"mask\":\"AQ==\",\"lesion_pixels\":12,"
                    + "\"lesion_fraction\":0.25,\"lesion_regions\":1,\"model\":{\"name\":\"unet\",\"sha256\":\"ab\"},"
                    + "\"provider\":{\"mrenclave\":\"cd\",\"debuggable\":true,\"simulated\":true,\"issuer\":\"https://x\"},"
                    + "\"maa_token\":\"t\",\"timings\":{\"inference_ms\":3}}", Delineation.class);

            assertEquals(12, d.lesionPixels());
            assertEquals("unet", d.model().name());
            assertEquals("cd", d.provider().mrenclave());
            assertEquals("t", d.maaToken());
        }
    }
}
