package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.foodrisk.detect.aberration.FarringtonTest.last;
import static org.foodrisk.detect.aberration.FarringtonTest.sparseWeekly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of {@link FarringtonFlexible} beyond the agreement with R: history, the 5-in-4 rule, options. */
class FarringtonFlexibleTest {

    private static final FarringtonFlexible R_DEFAULTS = FarringtonFlexible.fromOptions(Map.of(), Frequency.WEEK);
    private static final FarringtonFlexible NOUFAILY =
            new FarringtonFlexible(FarringtonFlexible.Parameters.noufaily2013(), Frequency.WEEK);

    @Test
    void countingPeriodsNeedsFiveYearsAndThreeWeeksOfHistoryInBothConfigurations() {
        for (FarringtonFlexible method : List.of(R_DEFAULTS, NOUFAILY)) {
            FarringtonFlexible undated = new FarringtonFlexible(method.parameters(), Frequency.WEEK,
                    ReferenceYears.PERIODS);
            assertEquals(263, undated.requiredHistory());
            List<DetectionPoint> points = undated.detect(sparseWeekly(266), 260);
            assertEquals(List.of(PointStatus.INSUFFICIENT_HISTORY, PointStatus.INSUFFICIENT_HISTORY,
                            PointStatus.INSUFFICIENT_HISTORY, PointStatus.EVALUATED, PointStatus.EVALUATED,
                            PointStatus.EVALUATED),
                    points.stream().map(DetectionPoint::status).toList());
            assertTrue(points.stream().limit(3).noneMatch(DetectionPoint::alarm));
        }
        assertEquals(5 * 365 + 3, FarringtonFlexible.fromOptions(Map.of("epoch-as-date", "false"), Frequency.DAY)
                .requiredHistory());
    }

    /** By calendar years (the default) the same weekly series from 2015-01-05 is first judged a week later. */
    @Test
    void byCalendarYearsTheFirstJudgedWeekCanComeAWeekLater() {
        for (FarringtonFlexible method : List.of(R_DEFAULTS, NOUFAILY)) {
            assertEquals(ReferenceYears.CALENDAR, method.referenceYears());
            List<DetectionPoint> points = method.detect(sparseWeekly(266), 262);
            assertEquals(List.of(PointStatus.INSUFFICIENT_HISTORY, PointStatus.INSUFFICIENT_HISTORY,
                    PointStatus.EVALUATED, PointStatus.EVALUATED), points.stream().map(DetectionPoint::status).toList());
        }
    }

    /**
     * Issue 19: r-compatible=false fits as Noufaily et al. describe. On a baseline with less variation than
     * Poisson (a count of 10 every week), R predicts with the unfloored dispersion (near 0: no uncertainty in the
     * expected count), the corrected fit with the dispersion floored at 1 — a higher bound, the same expectation.
     */
    @Test
    void theCorrectedFitPredictsWithTheDispersionFlooredAtOne() {
        long[] counts = new long[280];
        Arrays.fill(counts, 10);
        counts[279] = 16;
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            dates.add(LocalDate.of(2015, 1, 5).plusWeeks(i));
        }
        CountSeries steady = new CountSeries("steady", Frequency.WEEK, dates, counts);
        FarringtonFlexible corrected = FarringtonFlexible.fromOptions(Map.of("r-compatible", "false"), Frequency.WEEK);
        assertTrue(R_DEFAULTS.parameters().rCompatible());
        assertFalse(corrected.parameters().rCompatible());
        DetectionPoint asR = last(R_DEFAULTS, steady);
        DetectionPoint ours = last(corrected, steady);
        assertEquals(asR.expected(), ours.expected(), 1e-9);
        assertTrue(ours.threshold() > asR.threshold() + 0.05, "R " + asR.threshold() + ", corrected " + ours.threshold());
    }

    @Test
    void fewerThanFiveCasesInFourWeeksDoNotAlarm() {
        for (FarringtonFlexible method : List.of(R_DEFAULTS, NOUFAILY)) {
            DetectionPoint point = last(method, sparseWeekly(280, 0, 0, 0, 4));
            assertEquals(PointStatus.EVALUATED, point.status());
            assertFalse(point.alarm());
            // R: upperbound and expected NA, score and p-value still reported
            assertTrue(Double.isNaN(point.threshold()) && Double.isNaN(point.expected()));
            assertTrue(point.statistic() > 1, "score " + point.statistic());
            assertTrue(point.pValue() < 0.01, "p-value " + point.pValue());
        }
    }

    @Test
    void fiveCasesInFourWeeksAlarm() {
        for (FarringtonFlexible method : List.of(R_DEFAULTS, NOUFAILY)) {
            DetectionPoint point = last(method, sparseWeekly(280, 0, 0, 0, 5));
            assertTrue(point.alarm(), method.parameters().toString());
            assertTrue(point.threshold() < 5 && point.expected() < 1);
        }
    }

    @Test
    void missingOptionsTakeRDefaults() {
        FarringtonFlexible.Parameters defaults = R_DEFAULTS.parameters();
        assertEquals(FarringtonFlexible.Parameters.rDefaults(), defaults);
        assertEquals(5, defaults.b());
        assertEquals(3, defaults.w());
        assertTrue(defaults.reweight());
        assertEquals(2.58, defaults.weightsThreshold());
        assertEquals(0.05, defaults.alpha());
        assertTrue(defaults.trend());
        assertEquals(0.05, defaults.pThresholdTrend());
        assertEquals(new Limit54(5, 4), defaults.limit54());
        assertEquals(PowerTransform.TWO_THIRDS, defaults.powerTrans());
        assertEquals(ThresholdMethod.DELTA, defaults.thresholdMethod());
        assertEquals(1, defaults.noPeriods());
        assertEquals(3, defaults.pastWeeksNotIncluded());
    }

    @Test
    void pastWeeksNotIncludedDefaultsToW() {
        assertEquals(2, FarringtonFlexible.fromOptions(Map.of("w", "2"), Frequency.WEEK).parameters()
                .pastWeeksNotIncluded());
    }

    @Test
    void noufailyConfigurationThroughOptions() {
        FarringtonFlexible method = FarringtonFlexible.fromOptions(Map.of("threshold-method", "nbPlugin",
                "no-periods", "10", "weights-threshold", "1", "past-weeks-not-included", "26"), Frequency.WEEK);
        assertEquals(FarringtonFlexible.Parameters.noufaily2013(), method.parameters());
        assertEquals(ThresholdMethod.MUAN, ThresholdMethod.parse("muan"));
        assertEquals(ThresholdMethod.NB_PLUGIN, ThresholdMethod.parse("nb-plugin"));
    }

    @Test
    void unknownOrMalformedOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FarringtonFlexible.fromOptions(Map.of("baseline", "7"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class,
                () -> FarringtonFlexible.fromOptions(Map.of("threshold-method", "quantile"), Frequency.WEEK));
        // 45 weeks lie between windows of 7: at most 46 levels
        assertThrows(IllegalArgumentException.class,
                () -> FarringtonFlexible.fromOptions(Map.of("no-periods", "47"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class,
                () -> FarringtonFlexible.fromOptions(Map.of("past-weeks-not-included", "-1"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class,
                () -> FarringtonFlexible.fromOptions(Map.of("p-threshold-trend", "five"), Frequency.WEEK));
    }

    @Test
    void namesItselfAndCitesThePaper() {
        assertEquals("farrington-flexible", R_DEFAULTS.name());
        assertTrue(R_DEFAULTS.citation().contains("Noufaily") && R_DEFAULTS.citation().contains("2013"));
    }
}
