package org.foodrisk.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.foodrisk.detect.ComparableDays;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.PointStatus;
import java.util.HashMap;
import java.util.Map;

/** Runs one method over every unit's series, as an analyst replays history. */
final class Backtest {

    /** One judged period of one unit. */
    record UnitPoint(String unit, DetectionPoint point) {
    }

    private Backtest() {
    }

    /** One unit's judged rows and their results records ({@link DetectionCsv#records}). */
    record Judged(List<UnitPoint> rows, String records) {
    }

    /**
     * Judges each unit from {@code rangeStart} on (null: from the start of the series). The range
     * start is also where R's range starts, which matters for the CUSUM: its baseline is every period
     * before it. Points without enough history are left out. Each unit's records are formatted by the task that
     * judged it: writing the results is then spread over the cores with the judging instead of following it on
     * one (formatting doubles is a fair part of a short backtest). In input order.
     */
    static List<Judged> runAndFormat(AberrationMethod method, List<CountSeries> series, LocalDate rangeStart) {
        // Units are independent and the methods hold no state: judged on every core, written in input order.
        return series.parallelStream().map(unit -> {
            List<UnitPoint> rows = judge(method, unit, rangeStart);
            return new Judged(rows, DetectionCsv.records(rows));
        }).toList();
    }

    private static List<UnitPoint> judge(AberrationMethod method, CountSeries unit, LocalDate rangeStart) {
        int from = firstIndexOnOrAfter(unit.dates(), rangeStart);
        if (from >= unit.size()) {
            return List.of();
        }
        List<UnitPoint> rows = new ArrayList<>();
        for (DetectionPoint point : method.detect(unit, from)) {
            if (point.status() == PointStatus.EVALUATED) {
                rows.add(new UnitPoint(unit.unit(), point));
            }
        }
        return rows;
    }

    /**
     * Judges each day of each unit as the service does with {@code count-baseline=comparable-days}: against
     * at most {@code historyDays} earlier days of the same day type (workday or rest day, 调休 included),
     * holidays, consumer-event days and the return after a long holiday left out ({@link ComparableDays}).
     * Each day is its own series (the judged day last), so a method's own baseline options apply within it.
     */
    static List<UnitPoint> runOnComparableDays(AberrationMethod method, List<CountSeries> series, LocalDate rangeStart,
                                               ComparableDays comparableDays, int historyDays) {
        List<UnitPoint> rows = new ArrayList<>();
        for (CountSeries unit : series) {
            Map<LocalDate, Long> byDate = new HashMap<>();
            for (int i = 0; i < unit.size(); i++) {
                byDate.put(unit.dates().get(i), unit.counts()[i]);
            }
            LocalDate first = unit.dates().get(0);
            for (int i = firstIndexOnOrAfter(unit.dates(), rangeStart); i < unit.size(); i++) {
                List<LocalDate> days = comparableDays.seriesDays(unit.dates().get(i), historyDays, first);
                long[] counts = days.stream().mapToLong(d -> byDate.getOrDefault(d, 0L)).toArray();
                CountSeries judged = new CountSeries(unit.unit(), unit.frequency(), days, counts);
                List<DetectionPoint> points = method.detect(judged, days.size() - 1);
                if (!points.isEmpty() && points.get(points.size() - 1).status() == PointStatus.EVALUATED) {
                    rows.add(new UnitPoint(unit.unit(), points.get(points.size() - 1)));
                }
            }
        }
        return rows;
    }

    private static int firstIndexOnOrAfter(List<LocalDate> dates, LocalDate rangeStart) {
        if (rangeStart == null) {
            return 0;
        }
        int index = 0;
        while (index < dates.size() && dates.get(index).isBefore(rangeStart)) {
            index++;
        }
        return index;
    }
}
