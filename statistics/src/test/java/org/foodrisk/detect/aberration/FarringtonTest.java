package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behaviour of {@link Farrington} beyond the agreement with R: history, the 5-in-4 rule, options. */
class FarringtonTest {

    /** Weekly series: one case every fourth week, the last four weeks as given. */
    static CountSeries sparseWeekly(int length, long... lastWeeks) {
        long[] counts = new long[length];
        for (int i = 0; i < length; i++) {
            counts[i] = i % 4 == 0 ? 1 : 0;
        }
        System.arraycopy(lastWeeks, 0, counts, length - lastWeeks.length, lastWeeks.length);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            dates.add(LocalDate.of(2015, 1, 5).plusWeeks(i));
        }
        return new CountSeries("test", Frequency.WEEK, dates, counts);
    }

    private static final Farrington R_DEFAULTS = Farrington.fromOptions(Map.of(), Frequency.WEEK);

    private static final Farrington UNDATED = Farrington.fromOptions(Map.of("epoch-as-date", "false"), Frequency.WEEK);

    @Test
    void countingPeriodsNeedsFiveYearsAndThreeWeeksOfHistory() {
        assertEquals(5 * 52 + 3, UNDATED.requiredHistory());
        CountSeries series = sparseWeekly(270);
        List<DetectionPoint> points = UNDATED.detect(series, 0);
        assertEquals(270, points.size());
        for (int t = 0; t < 263; t++) {
            DetectionPoint point = points.get(t);
            assertEquals(PointStatus.INSUFFICIENT_HISTORY, point.status(), "t=" + t);
            assertFalse(point.alarm());
            assertTrue(Double.isNaN(point.threshold()) && Double.isNaN(point.expected()));
            assertEquals(series.dates().get(t), point.date());
            assertEquals(series.count(t), point.observed());
        }
        for (int t = 263; t < 270; t++) {
            assertEquals(PointStatus.EVALUATED, points.get(t).status(), "t=" + t);
            assertTrue(Double.isFinite(points.get(t).expected()));
        }
    }

    /**
     * By calendar years (R with dates, our default) five years before Monday 2020-01-20 is Monday 2015-01-19,
     * 261 weeks back, one window period before the series begins: the first week judged is the next one.
     */
    @Test
    void byCalendarYearsFiveYearsBackCanBeAWeekMore() {
        assertEquals(ReferenceYears.CALENDAR, R_DEFAULTS.referenceYears());
        CountSeries series = sparseWeekly(270);
        assertEquals(LocalDate.of(2020, 1, 20), series.dates().get(263));
        List<DetectionPoint> points = R_DEFAULTS.detect(series, 262);
        assertEquals(List.of(PointStatus.INSUFFICIENT_HISTORY, PointStatus.INSUFFICIENT_HISTORY,
                PointStatus.EVALUATED), points.stream().limit(3).map(DetectionPoint::status).toList());
        assertTrue(R_DEFAULTS.requiredHistory() >= 264, "what a caller fetches covers it");
    }

    @Test
    void aShortSeriesNeverAlarms() {
        CountSeries series = sparseWeekly(200, 0, 0, 0, 40);
        assertTrue(R_DEFAULTS.detect(series, 0).stream()
                .allMatch(p -> p.status() == PointStatus.INSUFFICIENT_HISTORY && !p.alarm()));
    }

    @Test
    void dailySeriesNeedFiveYearsOfDays() {
        assertEquals(5 * 365 + 3, Farrington.fromOptions(Map.of("epoch-as-date", "false"), Frequency.DAY)
                .requiredHistory());
        assertEquals(5 * 366 + 3, Farrington.fromOptions(Map.of(), Frequency.DAY).requiredHistory(),
                "by calendar years, leap days included");
    }

    @Test
    void fewerThanFiveCasesInFourWeeksDoNotAlarm() {
        // 4 cases this week after three empty weeks: far above a baseline of 1 case in 4 weeks,
        // but only 4 cases in the last 4 weeks
        DetectionPoint point = last(R_DEFAULTS, sparseWeekly(280, 0, 0, 0, 4));
        assertEquals(PointStatus.EVALUATED, point.status());
        assertFalse(point.alarm());
        assertEquals(0.0, point.threshold(), "R's upperbound is 0 when the 5-in-4 rule applies");
        assertEquals(0.0, point.statistic());
        assertTrue(point.pValue() < 0.001, "the p-value is still reported: " + point.pValue());
        assertTrue(point.expected() > 0 && point.expected() < 1);
    }

    @Test
    void fiveCasesInFourWeeksAlarm() {
        DetectionPoint point = last(R_DEFAULTS, sparseWeekly(280, 0, 0, 0, 5));
        assertTrue(point.alarm());
        assertTrue(point.threshold() > 0 && point.threshold() < 5, "threshold " + point.threshold());
        assertTrue(point.statistic() > 1);
    }

    @Test
    void limit54IsAnOption() {
        Farrington fourInFour = Farrington.fromOptions(Map.of("limit54", "4,4"), Frequency.WEEK);
        assertEquals(new Limit54(4, 4), fourInFour.parameters().limit54());
        assertTrue(last(fourInFour, sparseWeekly(280, 0, 0, 0, 4)).alarm());
    }

    @Test
    void missingOptionsTakeRDefaults() {
        assertEquals(Farrington.Parameters.rDefaults(), R_DEFAULTS.parameters());
        Farrington.Parameters defaults = Farrington.Parameters.rDefaults();
        assertEquals(5, defaults.b());
        assertEquals(3, defaults.w());
        assertTrue(defaults.reweight());
        assertEquals(0.05, defaults.alpha());
        assertTrue(defaults.trend());
        assertEquals(new Limit54(5, 4), defaults.limit54());
        assertEquals(PowerTransform.TWO_THIRDS, defaults.powerTrans());
    }

    @Test
    void optionsAreReadByRName() {
        Farrington method = Farrington.fromOptions(Map.of("b", "3", "w", "2", "reweight", "FALSE", "alpha", "0.01",
                "trend", "false", "limit54", "3,2", "power-trans", "1/2"), Frequency.WEEK);
        assertEquals(new Farrington.Parameters(3, 2, false, 0.01, false, new Limit54(3, 2), PowerTransform.ONE_HALF),
                method.parameters());
    }

    @Test
    void unknownOrMalformedOptionsAreRefused() {
        // weights-threshold belongs to farringtonFlexible, not to the original method
        assertThrows(IllegalArgumentException.class,
                () -> Farrington.fromOptions(Map.of("weights-threshold", "1"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> Farrington.fromOptions(Map.of("alpha", "x"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> Farrington.fromOptions(Map.of("alpha", "1.5"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> Farrington.fromOptions(Map.of("limit54", "5"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> Farrington.fromOptions(Map.of("limit54", "5,0"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class,
                () -> Farrington.fromOptions(Map.of("power-trans", "3/4"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> Farrington.fromOptions(Map.of("reweight", "yes"), Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> Farrington.fromOptions(Map.of("w", "26"), Frequency.WEEK));
    }

    @Test
    void seriesMustHaveTheConfiguredFrequency() {
        Farrington daily = Farrington.fromOptions(Map.of(), Frequency.DAY);
        assertThrows(IllegalArgumentException.class, () -> daily.detect(sparseWeekly(300), 0));
        assertThrows(IllegalArgumentException.class, () -> R_DEFAULTS.detect(sparseWeekly(300), 301));
        assertEquals(List.of(), R_DEFAULTS.detect(sparseWeekly(300), 300));
    }

    @Test
    void namesItselfAndCitesThePaper() {
        assertEquals("farrington", R_DEFAULTS.name());
        assertTrue(R_DEFAULTS.citation().contains("Farrington") && R_DEFAULTS.citation().contains("1996"));
    }

    static DetectionPoint last(AberrationMethod method, CountSeries series) {
        List<DetectionPoint> points = method.detect(series, series.size() - 1);
        assertEquals(1, points.size());
        return points.get(0);
    }
}
