package org.foodrisk.detect.aberration;

import org.foodrisk.detect.aberration.SurveillanceFixtures.RRow;
import org.foodrisk.detect.aberration.SurveillanceFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GLR detector against R surveillance 1.20.3's {@code algo.glrnb} (make-glrnb-fixtures.R): the Poisson chart
 * with R's seasonal GLM for the in-control mean, with and without a window; the negative-binomial chart with a
 * fixed-dispersion NB GLM, and with a known mean and a window, on daily data with outbreaks and a sparse unit.
 * Every judged period: the in-control mean, the GLR statistic (R's ret = "value"), the count that would alarm
 * (ret = "cases") and the alarm, with the chart reset after each alarm as R does it.
 */
class GlrNbAgreementWithRTest {

    static Stream<Run> runs() {
        return SurveillanceFixtures.runs("glrnb-runs.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void statisticThresholdAndAlarmsMatchR(Run run) {
        List<RRow> expected = SurveillanceFixtures.results(run);
        int compared = 0;
        int alarms = 0;
        for (Map.Entry<String, CountSeries> unit : SurveillanceFixtures.input(run).entrySet()) {
            CountSeries series = unit.getValue();
            AberrationMethod method = AberrationMethods.create(run.method(), run.options(), run.frequency());
            int from = series.dates().indexOf(run.rangeStart());
            List<DetectionPoint> judged = method.detect(series, from).stream()
                    .filter(p -> p.status() == PointStatus.EVALUATED).toList();
            List<RRow> rRows = expected.stream().filter(r -> r.unit().equals(unit.getKey())).toList();
            assertEquals(rRows.size(), judged.size(), unit.getKey() + ": periods judged");
            for (int i = 0; i < judged.size(); i++) {
                RRow r = rRows.get(i);
                DetectionPoint ours = judged.get(i);
                String where = r.unit() + " " + r.date();
                assertEquals(r.date(), ours.date(), where);
                assertEquals(r.observed(), ours.observed(), where);
                assertTrue(SurveillanceFixtures.agrees(r.expected(), ours.expected()),
                        () -> where + ": mu0 R " + r.expected() + " ours " + ours.expected());
                assertTrue(SurveillanceFixtures.agrees(r.statistic(), ours.statistic()),
                        () -> where + ": GLR R " + r.statistic() + " ours " + ours.statistic());
                assertTrue(SurveillanceFixtures.agrees(r.threshold(), ours.threshold()),
                        () -> where + ": cases R " + r.threshold() + " ours " + ours.threshold());
                assertEquals(r.alarm() != null && r.alarm(), ours.alarm(), where + ": alarm");
                alarms += ours.alarm() ? 1 : 0;
                compared++;
            }
        }
        assertEquals(expected.size(), compared, "every R row compared");
        assertTrue(alarms > 0, "each fixture run has alarms to agree on");
    }

    @Test
    void aSlowRiseNoWindowOfAFewPeriodsSeesIsFoundAndTheChartStartsAgainAfterItsAlarm() {
        // Mean 4 for 20 weeks, then 5.5: each week alone is unremarkable (EARS C1 with 7 weeks would not flag 6
        // against a mean of 4), the sum of the excess is not.
        long[] counts = new long[80];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i < 20 ? 4 : (i % 2 == 0 ? 5 : 6);
        }
        List<LocalDate> dates = Stream.iterate(LocalDate.of(2026, 1, 5), d -> d.plusWeeks(1)).limit(counts.length).toList();
        CountSeries series = new CountSeries("slow", Frequency.WEEK, dates, counts);
        List<DetectionPoint> points = new GlrNb(5, 0, 4.0, -1).detect(series, 0);
        int first = -1;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).alarm()) {
                first = i;
                break;
            }
        }
        assertTrue(first > 25 && first < 79, "alarmed some weeks into the rise, not at its first week: " + first);
        assertFalse(points.subList(0, 20).stream().anyMatch(DetectionPoint::alarm), "nothing before the rise");
        assertTrue(points.get(first + 1).statistic() < points.get(first).statistic(), "the chart restarts after its alarm");
        assertTrue(points.get(first).threshold() <= counts[first], "the alarm's count reaches the count that alarms");
    }

    @Test
    void optionsAreRsAndTheOnesItDoesNotTakeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AberrationMethods.create("glrnb", Map.of("dir", "dec"),
                Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> AberrationMethods.create("glrnb", Map.of("alpha", "-1"),
                Frequency.WEEK));
        assertThrows(IllegalArgumentException.class, () -> AberrationMethods.create("glrnb", Map.of("k", "1"),
                Frequency.WEEK));
        assertTrue(AberrationMethods.create("glrnb", Map.of(), Frequency.WEEK).citation().contains("Höhle"));
    }
}
