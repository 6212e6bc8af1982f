package org.foodrisk.detect.aberration;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EarsCTest {

    /** R: qnorm(1 - 0.001), printed with 16 digits. */
    private static final double Z_0_999 = 3.090232306167813;

    static CountSeries weekly(long... counts) {
        LocalDate monday = LocalDate.of(2024, 1, 1);
        return new CountSeries("120116|乳制品", Frequency.WEEK,
                IntStream.range(0, counts.length).mapToObj(i -> monday.plusWeeks(i)).toList(), counts);
    }

    @Test
    void c1ByHand() {
        // Baseline 1..7: mean 4, squared deviations 9+4+1+0+1+4+9 = 28, sd = sqrt(28/6).
        CountSeries series = weekly(1, 2, 3, 4, 5, 6, 7, 12, 10);
        List<DetectionPoint> points = new EarsC(EarsC.Variant.C1).detect(series, 7);

        double sd = Math.sqrt(28.0 / 6);
        DetectionPoint spike = points.get(0);
        assertAll(
                () -> assertEquals(PointStatus.EVALUATED, spike.status()),
                () -> assertEquals(LocalDate.of(2024, 2, 19), spike.date()),
                () -> assertEquals(12, spike.observed()),
                () -> assertEquals(4.0, spike.expected(), 1e-15),
                () -> assertEquals(4 + Z_0_999 * sd, spike.threshold(), 1e-12), // 10.6757...
                () -> assertEquals((12 - 4) / sd, spike.statistic(), 1e-12),   // C1 = 3.7033
                () -> assertEquals(1.0647e-4, spike.pValue(), 1e-7),            // 1 - Φ(3.7033)
                () -> assertTrue(spike.alarm(), "12 > 10.68"));

        // Next week: baseline 2..12 → mean 39/7, and 10 stays under its bound.
        DetectionPoint next = points.get(1);
        double mean = 39.0 / 7;
        double squares = IntStream.of(2, 3, 4, 5, 6, 7, 12).mapToDouble(x -> (x - mean) * (x - mean)).sum();
        assertEquals(mean, next.expected(), 1e-15);
        assertEquals(mean + Z_0_999 * Math.sqrt(squares / 6), next.threshold(), 1e-12);
        assertFalse(next.alarm());
    }

    @Test
    void pointsWithoutAFullBaselineAreInsufficientNeverAlarms() {
        CountSeries series = weekly(0, 0, 50, 0, 0, 0, 90, 0, 0, 0, 0, 0);
        for (EarsC.Variant variant : EarsC.Variant.values()) {
            EarsC method = new EarsC(variant);
            List<DetectionPoint> points = method.detect(series, 0);
            assertEquals(series.size(), points.size());
            // R's earsC range starts at baseline+1 (C1), +3 (C2), +5 (C3), 1-based.
            int firstJudged = switch (variant) {
                case C1 -> 7;
                case C2 -> 9;
                case C3 -> 11;
            };
            assertEquals(firstJudged, method.firstJudgedIndex(), variant.name());
            for (int t = 0; t < firstJudged; t++) {
                DetectionPoint point = points.get(t);
                assertEquals(PointStatus.INSUFFICIENT_HISTORY, point.status(), variant + " t=" + t);
                assertFalse(point.alarm());
                assertTrue(Double.isNaN(point.threshold()) && Double.isNaN(point.expected()));
                assertEquals(series.count(t), point.observed());
            }
            assertEquals(PointStatus.EVALUATED, points.get(firstJudged).status());
        }
    }

    @Test
    void aShortBaselineStillWaitsForSevenPeriods() {
        // United4Surveillance: EARS needs at least 7 periods of history, whatever the baseline.
        EarsC method = new EarsC(EarsC.Variant.C1, 3, 0.001, 0);
        assertEquals(7, method.firstJudgedIndex());
        List<DetectionPoint> points = method.detect(weekly(1, 1, 2, 1, 1, 2, 1, 1), 3);
        assertEquals(List.of(PointStatus.INSUFFICIENT_HISTORY, PointStatus.INSUFFICIENT_HISTORY,
                PointStatus.INSUFFICIENT_HISTORY, PointStatus.INSUFFICIENT_HISTORY, PointStatus.EVALUATED),
                points.stream().map(DetectionPoint::status).toList());
        assertEquals(List.of(), method.detect(weekly(1, 2, 3), 3));
    }

    @Test
    void c3AlarmsAsRDoesFromThePreviousTwoExcesses() {
        // R's C3 upper bound is observed + sd * (z - lagged excesses): two big weeks before t
        // raise an alarm at t even for a count at the mean; C3 itself (Hutwagner) is reported.
        CountSeries series = weekly(2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 30, 30, 3);
        DetectionPoint last = new EarsC(EarsC.Variant.C3).detect(series, 12).get(0);
        assertTrue(last.alarm());
        assertTrue(last.statistic() > 1.96);
        assertTrue(Double.isNaN(last.pValue()));
    }

    @Test
    void zeroVarianceBaselineFollowsR() {
        CountSeries series = weekly(0, 0, 0, 0, 0, 0, 0, 0, 1);
        List<DetectionPoint> points = new EarsC(EarsC.Variant.C1).detect(series, 7);
        assertEquals(0.0, points.get(0).threshold()); // mean + z * 0
        assertFalse(points.get(0).alarm());            // 0 > 0 is false
        assertTrue(Double.isNaN(points.get(0).statistic())); // 0/0, as in R
        assertTrue(points.get(1).alarm());             // 1 > 0
        // min-sigma (Burkom: 0.5 or 1 for sparse data) makes the bound z * minSigma.
        DetectionPoint floored = new EarsC(EarsC.Variant.C1, 7, 0.001, 0.5).detect(series, 8).get(0);
        assertEquals(Z_0_999 * 0.5, floored.threshold(), 1e-12);
        assertFalse(floored.alarm());
    }

    @Test
    void parametersAreCheckedAsRChecksThem() {
        assertThrows(IllegalArgumentException.class, () -> new EarsC(EarsC.Variant.C1, 2, 0.001, 0));
        assertThrows(IllegalArgumentException.class, () -> new EarsC(EarsC.Variant.C1, 7, 0.001, -1));
        assertThrows(IllegalArgumentException.class, () -> new EarsC(EarsC.Variant.C1, 7, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new EarsC(EarsC.Variant.C1).detect(weekly(1), -1));
    }

    @Test
    void optionsTakeRsDefaultsAndNames() {
        EarsC c3 = EarsC.fromOptions(EarsC.Variant.C3, Map.of());
        assertEquals("ears-c3", c3.name());
        assertEquals(0.025, c3.alpha());
        assertEquals(7, c3.baseline());
        assertEquals(0.0, c3.minSigma());
        EarsC tuned = EarsC.fromOptions(EarsC.Variant.C1, Map.of("baseline", "10", "min-sigma", "0.5", "alpha", "0.01"));
        assertEquals(10, tuned.baseline());
        assertEquals(0.5, tuned.minSigma());
        assertEquals(0.01, tuned.alpha());
        IllegalArgumentException misplaced = assertThrows(IllegalArgumentException.class,
                () -> EarsC.fromOptions(EarsC.Variant.C1, Map.of("k", "1")));
        assertTrue(misplaced.getMessage().contains("--k"), misplaced.getMessage());
        assertTrue(c3.citation().contains("Hutwagner") && c3.citation().contains("surveillance::earsC"));
    }
}
