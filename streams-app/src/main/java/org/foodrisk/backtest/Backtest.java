package org.foodrisk.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.PointStatus;

/** Runs one method over every unit's series, as an analyst replays history. */
final class Backtest {

    /** One judged period of one unit. */
    record UnitPoint(String unit, DetectionPoint point) {
    }

    private Backtest() {
    }

    /**
     * Judges each unit from {@code rangeStart} on (null: from the start of the series). The range
     * start is also where R's range starts, which matters for the CUSUM: its baseline is every period
     * before it. Points without enough history are left out.
     */
    static List<UnitPoint> run(AberrationMethod method, List<CountSeries> series, LocalDate rangeStart) {
        List<UnitPoint> rows = new ArrayList<>();
        for (CountSeries unit : series) {
            int from = firstIndexOnOrAfter(unit.dates(), rangeStart);
            if (from >= unit.size()) {
                continue;
            }
            for (DetectionPoint point : method.detect(unit, from)) {
                if (point.status() == PointStatus.EVALUATED) {
                    rows.add(new UnitPoint(unit.unit(), point));
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
