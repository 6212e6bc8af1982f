package org.foodrisk.query;

import org.foodrisk.detect.ComparableDays;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PointStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * The count detector's threshold for each day of a daily series, computed as the topology judges
 * a day (PeriodAberrationProcessor): the method on that day and the earlier days {@link ComparableDays}
 * chooses for it (days of the same type, holidays left out — or consecutive days), none before the
 * first day the task saw. So the line drawn over a chart is the line the alert was judged by.
 */
final class DetectorThresholds {

    private final AberrationMethod method;
    private final int historyDays;
    private final ComparableDays comparableDays;

    DetectorThresholds(AberrationMethod method, int historyDays, ComparableDays comparableDays) {
        this.method = method;
        this.historyDays = historyDays;
        this.comparableDays = comparableDays;
    }

    String methodName() {
        return method.name();
    }

    /** Calendar days of counts needed before the first day whose threshold is wanted. */
    int lookbackDays() {
        return comparableDays.lookbackDays(historyDays);
    }

    /**
     * @param dates        consecutive calendar days, the first {@link #lookbackDays()} of them history only
     * @param observedFrom the first day the judging task saw (days before it are unknown, not zero), or null
     * @return per index the threshold, null before {@link #lookbackDays()} and where the method had
     *         too little history or defines none
     */
    Double[] of(List<LocalDate> dates, long[] counts, LocalDate observedFrom) {
        Double[] thresholds = new Double[counts.length];
        LocalDate firstLoaded = dates.get(0);
        LocalDate from = observedFrom == null || observedFrom.isBefore(firstLoaded) ? firstLoaded : observedFrom;
        for (int last = lookbackDays(); last < counts.length; last++) {
            // The same days the topology judges this day against (PeriodAberrationProcessor).
            List<LocalDate> seriesDays = comparableDays.seriesDays(dates.get(last), historyDays, from);
            long[] values = new long[seriesDays.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = counts[(int) (seriesDays.get(i).toEpochDay() - firstLoaded.toEpochDay())];
            }
            CountSeries window = new CountSeries("series", Frequency.DAY, seriesDays, values);
            List<DetectionPoint> points = method.detect(window, values.length - 1);
            if (!points.isEmpty()) {
                DetectionPoint point = points.get(points.size() - 1);
                if (point.status() == PointStatus.EVALUATED && Double.isFinite(point.threshold())) {
                    thresholds[last] = point.threshold();
                }
            }
        }
        return thresholds;
    }
}
