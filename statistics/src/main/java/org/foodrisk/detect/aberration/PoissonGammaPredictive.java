package org.foodrisk.detect.aberration;

/**
 * The predictive upper tail of a day's count from the days it is compared with: the counts are taken as Poisson with
 * an unknown rate, the rate's posterior after {@code n} days with {@code s} events under Jeffreys' prior is
 * Gamma(s + ½, n), and the next day's count is then negative binomial with size {@code s + ½} and mean
 * {@code (s + ½) / n} (the Poisson–gamma posterior predictive; Gelman et al., <i>Bayesian Data Analysis</i>, 3rd ed.,
 * §2.6). Unlike a plug-in Poisson tail it allows for the rate being known only from a few weeks: after 28 days
 * without an event, three events have a tail of about 1e-5, not 0.
 *
 * <p>It is what makes a per-series count verdict a probability that a false-alarm budget can be spent in: the
 * service compares it with {@code budget / (series per district × 7)} ({@code CountAberrationRule}), in the form
 * that widens the tail by the days' own extra-Poisson variation ({@link #upperTail(long[], long)}); series that come
 * in bursts still spend about three times their share (CountAlertBudgetTest).
 */
public final class PoissonGammaPredictive {

    private PoissonGammaPredictive() {
    }

    /**
     * P(Y &ge; observed) for the day after {@code days} days with {@code events} events in all; R:
     * {@code pnbinom(observed - 1, size = events + 0.5, mu = (events + 0.5) / days, lower.tail = FALSE)}.
     */
    public static double upperTail(long events, int days, long observed) {
        if (days <= 0 || events < 0) {
            throw new IllegalArgumentException("needs at least one day of history and a count of events that is not negative");
        }
        double size = events + 0.5;
        return NegativeBinomialTail.upper(observed, size / days, size);
    }

    /**
     * The same tail widened for counts more variable than Poisson: when the days' sample variance exceeds their mean,
     * the size is the smaller of the posterior's and the method-of-moments size of a negative binomial,
     * {@code mean² / (variance − mean)} — a series whose days already vary in bursts is not surprised as easily.
     * Poisson-like days keep {@link #upperTail(long, int, long)}.
     *
     * @param history the days compared with, in any order
     */
    public static double upperTail(long[] history, long observed) {
        if (history.length == 0) {
            throw new IllegalArgumentException("needs at least one day of history");
        }
        long events = 0;
        for (long count : history) {
            events += count;
        }
        double size = events + 0.5;
        double mean = size / history.length;
        if (history.length > 1) {
            double sampleMean = (double) events / history.length;
            double squares = 0;
            for (long count : history) {
                squares += (count - sampleMean) * (count - sampleMean);
            }
            double variance = squares / (history.length - 1);
            if (variance > sampleMean && sampleMean > 0) {
                size = Math.min(size, sampleMean * sampleMean / (variance - sampleMean));
            }
        }
        return NegativeBinomialTail.upper(observed, mean, size);
    }
}
