package org.foodrisk.backtest;

import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;
import org.foodrisk.reference.HolidayCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --method pooled-nb}: every unit of the input judged by one pooled negative-binomial model
 * ({@link PooledNegativeBinomialRun}), daily series with China's 法定节假日 from the bundled calendar.
 */
final class PooledBacktest {

    private PooledBacktest() {
    }

    static List<Backtest.UnitPoint> run(List<CountSeries> series, LocalDate rangeStart,
                                        PooledNegativeBinomialRun.Options options, HolidayCalendar calendar) {
        List<List<DetectionPoint>> points = PooledNegativeBinomialRun.judge(series, rangeStart, options,
                day -> calendar.dayType(day) == HolidayCalendar.DayType.HOLIDAY);
        // Written unit by unit, in input order, as the other methods' results.
        List<Backtest.UnitPoint> rows = new ArrayList<>();
        for (int u = 0; u < series.size(); u++) {
            String unit = series.get(u).unit();
            points.get(u).forEach(point -> rows.add(new Backtest.UnitPoint(unit, point)));
        }
        return rows;
    }
}
