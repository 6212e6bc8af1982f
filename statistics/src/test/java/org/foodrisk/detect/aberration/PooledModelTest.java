package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pooled model written out and read back judges as the fit did, bit for bit (the service keeps it across restarts). */
class PooledModelTest {

    private static PooledNegativeBinomial fitted() {
        Random random = new Random(7);
        List<PooledNegativeBinomial.Observation> observations = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 3, 4);
        for (int unit = 0; unit < 4; unit++) {
            for (int d = unit == 3 ? 60 : 0; d < 84; d++) { // unit 3 starts late: few days, a wide level
                LocalDate day = first.plusDays(d);
                double mean = (1 + unit) * (day.getDayOfWeek().getValue() >= 6 ? 0.5 : 1.5);
                long count = Math.round(-Math.log(1 - random.nextDouble()) * mean);
                observations.add(new PooledNegativeBinomial.Observation(unit, day, d == 30, 1 + d % 3, count));
            }
        }
        return PooledNegativeBinomial.fit(observations, true);
    }

    @Test
    void aModelReadBackPredictsExactlyAsTheFit() {
        PooledNegativeBinomial fit = fitted();
        PooledModel restored = PooledModel.decode(fit.model().encode());
        assertEquals(fit.model().encode(), restored.encode());
        for (int unit = 0; unit < 4; unit++) {
            for (int d = 0; d < 7; d++) {
                LocalDate day = LocalDate.of(2024, 5, 27).plusDays(d);
                for (long observed : new long[]{0, 3, 12}) {
                    PooledNegativeBinomial.Prediction original = fit.predict(unit, day, d == 2, 2.0, observed);
                    assertEquals(original, restored.predict(unit, day, d == 2, 2.0, observed));
                    assertEquals(fit.judge(unit, day, false, 2.0, observed, 0.001),
                            restored.judge(unit, day, false, 2.0, observed, 0.001));
                }
            }
        }
        // The late starter's level is less certain: a wider standard error of its linear predictor.
        LocalDate tuesday = LocalDate.of(2024, 5, 28);
        assertTrue(restored.predict(3, tuesday, false, 1, 1).standardError()
                > restored.predict(2, tuesday, false, 1, 1).standardError());
    }

    @Test
    void unitsWithoutRowsAreNotKnownAndOtherTextIsRefused() {
        PooledModel model = fitted().model();
        assertFalse(model.knows(4));
        assertTrue(model.knows(3));
        assertThrows(IllegalArgumentException.class, () -> PooledModel.decode("pooled-model-0;1"));
    }
}
