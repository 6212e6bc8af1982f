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
}
