package org.foodrisk.topology;

import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;

/**
 * The pooled stage's series ({@code <type>|<city>|<category>}) and what its model counts: the failures of sampling
 * with the samples as effort, every record of the other streams.
 */
final class PooledSeries {

    private PooledSeries() {
    }

    /** {@code type|…}: the signal type a series counts. */
    static SignalType typeOf(String series) {
        return SignalType.valueOf(series.substring(0, series.indexOf('|')).toUpperCase());
    }

    /** {@code type|city|category}: the food category a series counts. */
    static String categoryOf(String series) {
        return series.substring(series.indexOf('|', series.indexOf('|') + 1) + 1);
    }

    /** Sampling is judged on its failures; the other streams on every record. */
    static long counted(SignalType type, long count, long failed) {
        return type == SignalType.SAMPLING ? failed : count;
    }

    /** A period's sampling effort: its number of samples for sampling failures, 1 for the other streams. */
    static double effort(SignalType type, long count) {
        return type == SignalType.SAMPLING ? Math.max(1, count) : 1;
    }

    /**
     * How much more (or less) a district is expected to count than the fit's average district, for judging it at that
     * average ({@link org.foodrisk.detect.aberration.PooledModel#judgeAtAverageLevel}, whose level is the mean of the
     * fitted districts' log levels): a district the fit has no level of, or one too new to have its own. Cases and
     * complaints come from residents: its residents (the 2020 census) over the geometric mean of the fitted districts'.
     * Sampling failures: 1 — the week's or day's samples, the model's offset, already carry the district's size. 1 as
     * well when a population is unknown (a code outside the reference list).
     */
    static double residentScale(SignalType type, String district, PooledFit fit) {
        if (type == SignalType.SAMPLING) {
            return 1;
        }
        double[] residents = new double[fit.units().size()];
        fit.units().forEach((unitDistrict, unit) -> residents[unit] = residents(unitDistrict));
        return fit.model().relativeSize(residents(district), residents);
    }

    /** The district's residents, NaN when its code is not in the reference list. */
    private static double residents(String district) {
        return Districts.byCode(district).map(District::population).filter(p -> p > 0).map(Long::doubleValue)
                .orElse(Double.NaN);
    }
}
