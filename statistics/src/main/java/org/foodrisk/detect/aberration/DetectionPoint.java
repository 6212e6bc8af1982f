package org.foodrisk.detect.aberration;

import java.time.LocalDate;

/**
 * What a method says about one time point. {@code threshold} is the upper bound the observed
 * count is compared with (R: {@code upperbound}); figures a method does not define are NaN.
 *
 * @param statistic the method's own statistic (e.g. the EARS C value, the CUSUM sum), NaN if none
 * @param pValue    the one-sided p-value of the observed count where the method defines one, else NaN
 */
public record DetectionPoint(LocalDate date, long observed, double expected, double threshold, double statistic,
                             double pValue, boolean alarm, PointStatus status) {

    public static DetectionPoint insufficient(LocalDate date, long observed) {
        return new DetectionPoint(date, observed, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false,
                PointStatus.INSUFFICIENT_HISTORY);
    }
}
