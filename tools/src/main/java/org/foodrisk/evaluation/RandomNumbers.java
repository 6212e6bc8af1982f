package org.foodrisk.evaluation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Seeded random numbers for the simulation, from Apache Commons RNG (XoRoShiRo128++) and the
 * samplers of Commons Statistics. Each part of the simulation gets its own generator, seeded from
 * the run's seed and the part's coordinates, so a figure depends only on the seed and the part —
 * not on how many other parts were drawn before it or in which order.
 */
final class RandomNumbers {

    private final UniformRandomProvider rng;

    private RandomNumbers(UniformRandomProvider rng) {
        this.rng = rng;
    }

    /** A generator for the part of the simulation named by {@code coordinates}. */
    static RandomNumbers of(long seed, long... coordinates) {
        long mixed = mix(seed);
        for (long coordinate : coordinates) {
            mixed = mix(mixed ^ mix(coordinate + 0x632BE59BD9B4E019L));
        }
        return new RandomNumbers(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[]{mixed, mix(mixed)}));
    }

    /** SplitMix64's finaliser: spreads nearby seeds over the whole state space. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A negative binomial count of mean μ and variance φμ as a gamma–Poisson mixture: the rate is
     * Gamma(shape μ/(φ−1), scale φ−1) (mean μ, variance μ(φ−1)), the count Poisson of that rate.
     */
    long negativeBinomial(double mean, double dispersion) {
        if (dispersion == 1) {
            return poisson(mean);
        }
        double rate = GammaDistribution.of(mean / (dispersion - 1), dispersion - 1).createSampler(rng).sample();
        return poisson(rate);
    }

    long poisson(double mean) {
        return mean > 0 ? PoissonDistribution.of(mean).createSampler(rng).sample() : 0;
    }

    /** Lognormal(μ, σ) on the log scale. */
    ContinuousDistribution.Sampler logNormal(double mu, double sigma) {
        return LogNormalDistribution.of(mu, sigma).createSampler(rng);
    }

    /** Uniform in 0..bound−1. */
    int nextInt(int bound) {
        return rng.nextInt(bound);
    }
}
