package org.foodrisk.evaluation;

import java.util.List;

/**
 * One signal stream as the benchmark simulates it for a district of average size: its baseline,
 * and how an outbreak shows in it — {@code onsetLagDays} after the outbreak starts (people complain
 * after they fall ill, posts follow the complaints) and with a size of {@code sizeFactor} × k × the
 * stream's own weekly standard deviation.
 */
public record StreamProfile(String name, BaselineModel baseline, int onsetLagDays, double sizeFactor,
                            String description) {

    /** Days in a simulated year: 52 whole weeks, so that weekly aggregates have R's period 52. */
    public static final int DAYS_PER_YEAR = 364;
    /** Day of the year on which the seasonal harmonic peaks: mid-July, the foodborne-illness season. */
    public static final int SUMMER_PEAK = 196;

    public StreamProfile {
        if (onsetLagDays < 0 || !(sizeFactor > 0)) {
            throw new IllegalArgumentException("onset lag must be >= 0 and size factor > 0");
        }
    }

    /**
     * The three count streams of the service. The levels are those of one district: illness
     * reports from sentinel hospitals are few (about 1 a day, mildly overdispersed), complaints
     * from the 12315/12345 hotlines medium (about 6 a day, growing 5 % a year), opinion posts
     * many and bursty (about 20 a day, φ = 6, two harmonics). These are assumptions for the
     * benchmark, not estimates from real data.
     */
    public static List<StreamProfile> defaults() {
        return List.of(
                new StreamProfile("illness",
                        BaselineModel.seasonal(1.2, 0, new double[]{0.5}, SUMMER_PEAK, 1.5, DAYS_PER_YEAR),
                        0, 1.0, "foodborne-illness case reports: low counts"),
                new StreamProfile("complaint",
                        BaselineModel.seasonal(6, 0.05, new double[]{0.25}, SUMMER_PEAK, 2.0, DAYS_PER_YEAR),
                        1, 0.8, "hotline complaints: medium counts"),
                new StreamProfile("opinion",
                        BaselineModel.seasonal(20, 0, new double[]{0.3, 0.15}, SUMMER_PEAK, 6.0, DAYS_PER_YEAR),
                        2, 0.6, "online opinion posts: higher counts, more overdispersed"));
    }
}
