package org.foodrisk.evaluation;

import java.util.Arrays;

/**
 * The outbreak-free count model of Noufaily et al. (2013, Stat Med 32:1206-22, section 3.1): a
 * negative binomial with mean μ(t) = exp(θ + βt + Σ<sub>j=1..m</sub> [γ<sub>1j</sub> cos(2πjt/P) +
 * γ<sub>2j</sub> sin(2πjt/P)]) and variance φ·μ(t), φ ≥ 1 (φ = 1 is Poisson). Here t counts days
 * from 1 and P is the length of a year in days (364, so that a simulated year is exactly 52 weeks
 * and its weekly aggregate has R's period 52).
 *
 * @param theta      θ, the log of the level
 * @param beta       β, the linear trend per day on the log scale
 * @param gammaCos   γ<sub>1j</sub>, one per harmonic j = 1..m
 * @param gammaSin   γ<sub>2j</sub>, one per harmonic j = 1..m
 * @param dispersion φ, variance / mean
 * @param period     P, days in a year
 */
public record BaselineModel(double theta, double beta, double[] gammaCos, double[] gammaSin, double dispersion,
                            int period) {

    public BaselineModel {
        if (gammaCos.length != gammaSin.length) {
            throw new IllegalArgumentException("need as many cosine as sine coefficients");
        }
        if (!(dispersion >= 1)) {
            throw new IllegalArgumentException("dispersion must be at least 1 (1 = Poisson)");
        }
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2");
        }
        gammaCos = gammaCos.clone();
        gammaSin = gammaSin.clone();
    }

    /**
     * A model parameterised as analysts think of it: {@code level} counts a day on average
     * (exp θ), a yearly growth ({@code 0.05} = +5 % a year), and harmonics of the given
     * amplitudes on the log scale whose first one peaks on day {@code peakDay} of the year.
     */
    public static BaselineModel seasonal(double level, double growthPerYear, double[] amplitudes, int peakDay,
                                         double dispersion, int period) {
        double[] cos = new double[amplitudes.length];
        double[] sin = new double[amplitudes.length];
        for (int j = 0; j < amplitudes.length; j++) {
            double phase = 2 * Math.PI * (j + 1) * peakDay / period;
            // a·cos(2πj(t − peak)/P) = a·cos(phase)·cos(2πjt/P) + a·sin(phase)·sin(2πjt/P)
            cos[j] = amplitudes[j] * Math.cos(phase);
            sin[j] = amplitudes[j] * Math.sin(phase);
        }
        return new BaselineModel(Math.log(level), Math.log1p(growthPerYear) / period, cos, sin, dispersion, period);
    }

    /** μ(t), t counted from 1 as in the paper. */
    public double mean(int t) {
        double eta = theta + beta * t;
        for (int j = 0; j < gammaCos.length; j++) {
            double angle = 2 * Math.PI * (j + 1) * t / period;
            eta += gammaCos[j] * Math.cos(angle) + gammaSin[j] * Math.sin(angle);
        }
        return Math.exp(eta);
    }

    public int harmonics() {
        return gammaCos.length;
    }

    @Override
    public double[] gammaCos() {
        return gammaCos.clone();
    }

    @Override
    public double[] gammaSin() {
        return gammaSin.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BaselineModel m && theta == m.theta && beta == m.beta && dispersion == m.dispersion
                && period == m.period && Arrays.equals(gammaCos, m.gammaCos) && Arrays.equals(gammaSin, m.gammaSin);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(gammaCos) + Arrays.hashCode(gammaSin) + Double.hashCode(theta + beta + dispersion)
                + period;
    }

    @Override
    public String toString() {
        return "BaselineModel[theta=" + theta + ", beta=" + beta + ", gammaCos=" + Arrays.toString(gammaCos)
                + ", gammaSin=" + Arrays.toString(gammaSin) + ", dispersion=" + dispersion + ", period=" + period + "]";
    }
}
