package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    /**
     * A unit without a single event in the window: its level's estimate runs off with a standard error to match, and
     * its predictive tail stays wide for every count. Judging it must end (the threshold search once looped for
     * ever on such a unit) — and judged at the average unit's level instead, a burst of it alarms.
     */
    @Test
    @Timeout(30) // the threshold search once looped for ever on such a unit: fail rather than hang the build
    void aUnitWithoutEventsIsJudgedInBoundedTimeAndAtTheAverageLevelItAlarms() {
        Random random = new Random(11);
        List<PooledNegativeBinomial.Observation> observations = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 3, 4);
        for (int unit = 0; unit < 4; unit++) {
            for (int d = 0; d < 84; d++) {
                long count = unit == 3 ? 0 : Math.round(-Math.log(1 - random.nextDouble()) * 1.5);
                observations.add(new PooledNegativeBinomial.Observation(unit, first.plusDays(d), false, 1, count));
            }
        }
        LocalDate tuesday = LocalDate.of(2024, 5, 28);
        DetectionPoint own = PooledNegativeBinomial.fit(observations, true).model().judge(3, tuesday, false, 1, 12, 0.001);
        assertFalse(own.alarm(), "its own level's tail is too wide to alarm: " + own);
        assertEquals(Double.POSITIVE_INFINITY, own.threshold());
        // Left out of the fit, as the service leaves such a unit out, and judged at the others' average level.
        PooledModel withoutIt = PooledNegativeBinomial.fit(observations.stream().filter(o -> o.unit() != 3).toList(),
                true).model();
        DetectionPoint average = withoutIt.judgeAtAverageLevel(tuesday, false, 1, 20, 0.001);
        assertTrue(average.alarm(), average.toString());
        assertTrue(average.expected() > 0.5 && average.expected() < 3, average.toString());
        assertTrue(average.threshold() < 20, average.toString());
        assertFalse(withoutIt.judgeAtAverageLevel(tuesday, false, 1, 2, 0.001).alarm());
    }

    @Test
    void unitsWithoutRowsAreNotKnownAndOtherTextIsRefused() {
        PooledModel model = fitted().model();
        assertFalse(model.knows(4));
        assertTrue(model.knows(3));
        assertThrows(IllegalArgumentException.class, () -> PooledModel.decode("pooled-model-0;1"));
    }
}
