package org.foodrisk.detect.aberration;

/**
 * Farrington's "5 in 4" rule (Farrington et al. 1996, section 3.5; R's {@code limit54}): no alarm
 * unless at least {@code cases} were counted in the last {@code periods} periods, the current one
 * included — so that a rare organism's single case does not alarm however low its baseline.
 *
 * @param cases   minimum number of cases (R default 5)
 * @param periods number of periods summed, ending with the current one (R default 4)
 */
public record Limit54(int cases, int periods) {

    public static final Limit54 R_DEFAULT = new Limit54(5, 4);

    public Limit54 {
        // the bounds R checks in algo.farrington and farringtonFlexible
        if (cases < 0 || periods <= 0) {
            throw new IllegalArgumentException("limit54 out of bounds: cases >= 0 and periods > 0");
        }
    }

    /** Parses R's {@code c(5, 4)} written as "5,4". */
    static Limit54 of(int[] casesAndPeriods) {
        return new Limit54(casesAndPeriods[0], casesAndPeriods[1]);
    }

    /** Whether the periods ending at index {@code t} hold enough cases for an alarm. */
    boolean enoughCases(long[] counts, int t) {
        long sum = 0;
        for (int index = Math.max(0, t - periods + 1); index <= t; index++) {
            sum += counts[index];
        }
        return sum >= cases;
    }
}
