package org.foodrisk.query;

import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.Detection;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.ingest.SignalType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Arrays;
import java.util.Map;
import org.foodrisk.detect.ComparableDays;
import org.foodrisk.reference.HolidayCalendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The threshold line of an alert's chart is the threshold its detector judged the day by. */
class DetectorThresholdsTest {

    private static final int HISTORY = 28;
    private static final AberrationMethod EARS_C2 = AberrationMethods.create("ears-c2", Map.of(), Frequency.DAY);
    /** R's series of consecutive days: the by-hand figures below are R's earsC on it. */
    private static final ComparableDays CONSECUTIVE = new ComparableDays(
            ComparableDays.Mode.CONSECUTIVE_DAYS, HolidayCalendar.china());

    @Test
    void theLastDaysThresholdIsTheOneTheCountRuleAlertedWith() {
        // Four weeks of 1–2 cases a day, then 9 on the judged day.
        long[] counts = IntStream.rangeClosed(0, HISTORY).mapToLong(i -> i == HISTORY ? 9 : 1 + i % 2).toArray();
        List<LocalDate> dates = IntStream.rangeClosed(0, HISTORY).mapToObj(LocalDate.of(2026, 10, 1)::plusDays).toList();

        Double[] thresholds = new DetectorThresholds(EARS_C2, HISTORY, CONSECUTIVE).of(dates, counts, null);

        Detection alert = new CountAberrationRule(EARS_C2, HISTORY, 3).evaluate(SignalType.ILLNESS, "120114|餐饮食品",
                new CountSeries("120114|餐饮食品", Frequency.DAY, dates, counts), List.of(), ZoneId.of("Asia/Shanghai"))
                .orElseThrow();
        assertNotNull(thresholds[HISTORY]);
        assertEquals(alert.detector().threshold(), thresholds[HISTORY], 1e-12);
        // EARS C2 by hand: days t-9 … t-3 (1,2,1,2,1,2,1 or 2,1,2,1,2,1,2), mean + qnorm(0.999)·sd.
        double[] baseline = IntStream.rangeClosed(HISTORY - 9, HISTORY - 3).mapToDouble(i -> counts[i]).toArray();
        double mean = Arrays.stream(baseline).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(baseline).map(v -> (v - mean) * (v - mean)).sum() / (baseline.length - 1));
        assertEquals(mean + 3.090232306167813 * sd, thresholds[HISTORY], 1e-9);
    }

    @Test
    void daysWithoutAFullHistoryHaveNoThreshold() {
        long[] counts = new long[HISTORY + 3];
        List<LocalDate> dates = IntStream.range(0, counts.length).mapToObj(LocalDate.of(2026, 10, 1)::plusDays).toList();

        Double[] thresholds = new DetectorThresholds(EARS_C2, HISTORY, CONSECUTIVE).of(dates, counts, null);

        for (int i = 0; i < HISTORY; i++) {
            assertNull(thresholds[i], "day " + i);
        }
        for (int i = HISTORY; i < counts.length; i++) {
            assertEquals(0.0, thresholds[i], "an all-zero baseline has threshold 0 (EARS; sd 0)");
        }
    }
}
