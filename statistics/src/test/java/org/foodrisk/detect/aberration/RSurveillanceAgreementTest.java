package org.foodrisk.detect.aberration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.foodrisk.detect.aberration.SurveillanceFixtures.RRow;
import org.foodrisk.detect.aberration.SurveillanceFixtures.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EARS C1/C2/C3 and the CUSUM against R surveillance 1.20.3 on every fixture run (simulated
 * point-source outbreaks, a daily seasonal negative-binomial series with injected outbreaks and a
 * sparse unit, Berlin hepatitis A from the package, a zero-baseline edge case): same judged
 * periods, upper bounds, expected values and statistics within {@link
 * SurveillanceFixtures#RELATIVE_TOLERANCE}, identical alarms (R's NA alarm is no alarm).
 */
class RSurveillanceAgreementTest {

    static Stream<Run> runs() {
        return SurveillanceFixtures.runs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void upperBoundsAndAlarmsMatchR(Run run) {
        List<RRow> expected = SurveillanceFixtures.results(run);
        int compared = 0;
        for (Map.Entry<String, CountSeries> unit : SurveillanceFixtures.input(run).entrySet()) {
            CountSeries series = unit.getValue();
            AberrationMethod method = AberrationMethods.create(run.method(), run.options(), run.frequency());
            int from = run.rangeStart() == null ? 0 : series.dates().indexOf(run.rangeStart());
            List<DetectionPoint> points = method.detect(series, from);
            assertEquals(series.size() - from, points.size(), "one point per judged index");

            List<DetectionPoint> judged = points.stream().filter(p -> p.status() == PointStatus.EVALUATED).toList();
            List<RRow> rRows = expected.stream().filter(r -> r.unit().equals(unit.getKey())).toList();
            assertEquals(rRows.size(), judged.size(), unit.getKey() + ": periods judged (R's range)");
            points.subList(0, points.size() - judged.size()).forEach(p -> {
                assertEquals(PointStatus.INSUFFICIENT_HISTORY, p.status(), "only leading points lack history");
                assertFalse(p.alarm());
            });
            for (int i = 0; i < judged.size(); i++) {
                assertPointMatches(rRows.get(i), judged.get(i));
                compared++;
            }
        }
        assertEquals(expected.size(), compared, "every R row compared");
    }

    private static void assertPointMatches(RRow r, DetectionPoint ours) {
        String where = r.unit() + " " + r.date();
        assertEquals(r.date(), ours.date(), where);
        assertEquals(r.observed(), ours.observed(), where);
        assertTrue(SurveillanceFixtures.agrees(r.threshold(), ours.threshold()),
                () -> where + ": threshold R " + r.threshold() + " ours " + ours.threshold());
        assertTrue(SurveillanceFixtures.agrees(r.expected(), ours.expected()),
                () -> where + ": expected R " + r.expected() + " ours " + ours.expected());
        assertTrue(SurveillanceFixtures.agrees(r.statistic(), ours.statistic()),
                () -> where + ": statistic R " + r.statistic() + " ours " + ours.statistic());
        assertEquals(r.alarm() != null && r.alarm(), ours.alarm(), () -> where + ": alarm (R " + r.alarm() + ")");
    }
}
