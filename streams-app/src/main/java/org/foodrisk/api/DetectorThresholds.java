package org.foodrisk.api;

import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PointStatus;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The count detector's threshold for each day of a daily series, computed as the topology judges
 * a day (PeriodAberrationProcessor): the method on that day and the {@code historyDays} days
 * before it, nothing else. So the line drawn over a chart is the line the alert was judged by.
 */
final class DetectorThresholds {

    private final AberrationMethod method;
    private final int historyDays;

    DetectorThresholds(AberrationMethod method, int historyDays) {
        this.method = method;
        this.historyDays = historyDays;
    }

    String methodName() {
        return method.name();
    }

    int historyDays() {
        return historyDays;
    }

    /**
     * @return per index the threshold, null before {@code historyDays} and where the method had
     *         too little history or defines none
     */
    Double[] of(List<LocalDate> dates, long[] counts) {
        Double[] thresholds = new Double[counts.length];
        for (int last = historyDays; last < counts.length; last++) {
            int first = last - historyDays;
            CountSeries window = new CountSeries("series", Frequency.DAY, dates.subList(first, last + 1),
                    Arrays.copyOfRange(counts, first, last + 1));
            List<DetectionPoint> points = method.detect(window, historyDays);
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
