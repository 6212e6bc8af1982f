package org.foodrisk.topology;

import java.util.Random;

/** Poisson counts for simulated traffic (Knuth's multiplication method: fine for the small means tests use). */
final class PoissonCounts {

    private PoissonCounts() {
    }

    static int draw(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
