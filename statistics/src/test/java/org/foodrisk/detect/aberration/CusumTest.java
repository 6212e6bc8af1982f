package org.foodrisk.detect.aberration;

import static org.foodrisk.detect.aberration.EarsCTest.weekly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CusumTest {

    @Test
    void standardCusumByHand() {
        // m = 4 (mean of seven 4s), z = (x - 4)/2, S = max(0, S + z - 1.04), alarm at S >= 2.26,
        // upper bound = ceiling(sqrt(m) * (h + k - S_prev) + m).
        CountSeries series = weekly(4, 4, 4, 4, 4, 4, 4, 10, 10, 2);
        List<DetectionPoint> points = new Cusum().detect(series, 7);

        DetectionPoint first = points.get(0);
        assertEquals(4.0, first.expected());
        assertEquals(1.96, first.statistic(), 1e-12);
        assertEquals(11.0, first.threshold());   // ceiling(2 * 3.30 + 4) = ceiling(10.6)
        assertFalse(first.alarm());

        DetectionPoint second = points.get(1);
        assertEquals(3.92, second.statistic(), 1e-12);
        assertEquals(7.0, second.threshold());   // ceiling(2 * (3.30 - 1.96) + 4) = ceiling(6.68)
        assertTrue(second.alarm());

        DetectionPoint third = points.get(2);     // no reset after an alarm, as in R
        assertEquals(3.92 - 1 - 1.04, third.statistic(), 1e-12);
        assertTrue(third.alarm() == third.statistic() >= 2.26);
        assertTrue(Double.isNaN(third.pValue()));
    }

    @Test
    void needsSevenPeriodsOfBaseline() {
        CountSeries series = weekly(0, 9, 0, 9, 0, 9, 0, 40, 3, 3);
        List<DetectionPoint> fromStart = new Cusum().detect(series, 0);
        assertEquals(10, fromStart.size());
        for (int t = 0; t < Cusum.MIN_HISTORY; t++) {
            assertEquals(PointStatus.INSUFFICIENT_HISTORY, fromStart.get(t).status());
            assertFalse(fromStart.get(t).alarm());
        }
        // Monitoring starts at index 7 with m = mean of indices 0..6, as R's range 8:n.
        assertEquals(27.0 / 7, fromStart.get(7).expected(), 1e-15);
        assertEquals(fromStart.subList(7, 10), new Cusum().detect(series, 7));
        assertEquals(List.of(), new Cusum().detect(weekly(1, 2, 3), 3));
    }

    @Test
    void theRangeStartFixesTheBaselineAsInR() {
        CountSeries series = weekly(1, 1, 1, 1, 1, 1, 1, 1, 5, 5, 5, 5);
        assertEquals(1.0, new Cusum().detect(series, 8).get(0).expected());
        assertEquals(1.8, new Cusum().detect(series, 10).get(0).expected(), 1e-15); // (8 ones + two fives) / 10
    }

    @Test
    void zeroBaselineMeanGivesRsUndefinedSums() {
        List<DetectionPoint> points = new Cusum().detect(weekly(0, 0, 0, 0, 0, 0, 0, 0, 3), 7);
        assertTrue(Double.isNaN(points.get(0).statistic())); // (0 - 0)/0, R: NaN, alarm NA
        assertFalse(points.get(0).alarm());
        assertEquals(0.0, points.get(0).threshold());        // R turns the NA bound into 0
    }

    @Test
    void seasonalGlmOnAllZeroHistoryFollowsRsUnconvergedFit() {
        // R's glm.fit does not converge on all-zero counts (fitted values sink towards 0) and
        // stops after 25 iterations; so do we, on R's iterates. R 1.20.3:
        // algo.cusum(sts2disProg(sts(matrix(c(rep(0,10),1)))), list(range = 11, m = "glm"))$control$m
        Cusum glm = Cusum.fromOptions(Map.of("m", "glm"));
        List<DetectionPoint> points = glm.detect(weekly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 10);
        assertEquals(2.7894680928689216e-11, points.get(0).expected(), 2.7894680928689216e-11 * 1e-9);
        assertTrue(points.get(0).alarm());
    }

    @Test
    void optionsAreRsControlNames() {
        Cusum cusum = Cusum.fromOptions(Map.of("k", "0.5", "h", "4", "m", "glm", "trans", "rossi"));
        assertTrue(cusum.citation().contains("k=0.5, h=4.0, m=glm, trans=\"rossi\""), cusum.citation());
        assertTrue(Cusum.fromOptions(Map.of("m", "3.5")).citation().contains("m=3.5"));
        assertThrows(IllegalArgumentException.class, () -> Cusum.fromOptions(Map.of("trans", "anscombeNegBin")));
        assertThrows(IllegalArgumentException.class, () -> Cusum.fromOptions(Map.of("m", "median")));
        assertThrows(IllegalArgumentException.class, () -> Cusum.fromOptions(Map.of("baseline", "7")));
        assertThrows(IllegalArgumentException.class, () -> Cusum.fromOptions(Map.of("h", "Inf")));
    }
}
