package org.foodrisk.detect.aberration;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's t distributions by degrees of freedom, each built once: {@code TDistribution.of} works out the
 * density's normalising constant (log beta functions) on every call, and the Farrington trend test asks for the
 * same few residual degrees of freedom thousands of times in a backtest. The distributions are immutable, so a
 * shared one gives exactly the probabilities a fresh one would.
 */
final class StudentT {

    /** Residual degrees of freedom below this are kept (a Farrington baseline has at most a few hundred periods). */
    private static final int CACHED = 1024;
    private static final AtomicReferenceArray<TDistribution> BY_DEGREES_OF_FREEDOM = new AtomicReferenceArray<>(CACHED);

    private StudentT() {
    }

    /** The t distribution with {@code degreesOfFreedom} (refused by {@code TDistribution.of} unless positive). */
    static TDistribution of(int degreesOfFreedom) {
        if (degreesOfFreedom <= 0 || degreesOfFreedom >= CACHED) {
            return TDistribution.of(degreesOfFreedom);
        }
        TDistribution distribution = BY_DEGREES_OF_FREEDOM.get(degreesOfFreedom);
        if (distribution == null) {
            distribution = TDistribution.of(degreesOfFreedom); // two threads may both build it: either is the same
            BY_DEGREES_OF_FREEDOM.set(degreesOfFreedom, distribution);
        }
        return distribution;
    }

    /**
     * Whether the two-sided p-value {@code 2 * P(T <= -|t|)} is below {@code level}, giving the same answer as
     * computing it. The p-value needs the incomplete beta function, a tenth of a Farrington backtest; most |t| are
     * nowhere near the critical value, and {@link CriticalValue} settles those by comparing |t| alone.
     */
    static boolean twoSidedPValueBelow(double t, int degreesOfFreedom, double level) {
        double absolute = Math.abs(t);
        CriticalValue critical = CriticalValue.of(degreesOfFreedom, level);
        if (absolute > critical.surelyBelow) {
            return true;
        }
        if (absolute < critical.surelyNotBelow) {
            return false;
        }
        return 2 * of(degreesOfFreedom).cumulativeProbability(-absolute) < level; // near it, or NaN: as computed
    }

    /**
     * Bounds on |t| around the critical value {@code c} (where {@code 2 P(T <= -c) = level}), a millionth of it
     * either side, each checked with the p-value as computed: above {@code surelyBelow} that p-value is below
     * {@code level}, under {@code surelyNotBelow} it is not (the computed distribution function is increasing; its
     * rounding errors, around 1e-16, are far below what a millionth of {@code c} moves it). When a check fails
     * the bounds are infinite and every |t| gets the p-value computed.
     */
    private record CriticalValue(double level, double surelyNotBelow, double surelyBelow) {

        private static final AtomicReferenceArray<CriticalValue> BY_DEGREES_OF_FREEDOM =
                new AtomicReferenceArray<>(CACHED);
        private static final double MARGIN = 1e-6;

        static CriticalValue of(int degreesOfFreedom, double level) {
            if (degreesOfFreedom <= 0 || degreesOfFreedom >= CACHED) {
                return compute(degreesOfFreedom, level);
            }
            CriticalValue critical = BY_DEGREES_OF_FREEDOM.get(degreesOfFreedom);
            if (critical == null || critical.level != level) {
                critical = compute(degreesOfFreedom, level);
                BY_DEGREES_OF_FREEDOM.set(degreesOfFreedom, critical);
            }
            return critical;
        }

        private static CriticalValue compute(int degreesOfFreedom, double level) {
            CriticalValue none = new CriticalValue(level, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            if (degreesOfFreedom <= 0 || !(level > 0 && level < 1)) {
                return none;
            }
            TDistribution distribution = StudentT.of(degreesOfFreedom);
            double c = -distribution.inverseCumulativeProbability(level / 2);
            double notBelow = c * (1 - MARGIN);
            double below = c * (1 + MARGIN);
            boolean checked = Double.isFinite(c) && c > 0
                    && !(2 * distribution.cumulativeProbability(-notBelow) < level)
                    && 2 * distribution.cumulativeProbability(-below) < level;
            return checked ? new CriticalValue(level, notBelow, below) : none;
        }
    }
}
