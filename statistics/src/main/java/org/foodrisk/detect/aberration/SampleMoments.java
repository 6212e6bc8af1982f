package org.foodrisk.detect.aberration;

/**
 * Mean and sample standard deviation (denominator n − 1) of a stretch of counts, as R's
 * {@code mean} and {@code sd} give them: the reference values of EARS and the phase-I mean of the
 * CUSUM are exactly these.
 */
record SampleMoments(double mean, double sd) {

    /** Moments of {@code counts[from, to)}; R's two-pass algorithm (mean first, then squares). */
    static SampleMoments of(long[] counts, int from, int to) {
        int n = to - from;
        if (n < 1) {
            throw new IllegalArgumentException("no reference values");
        }
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts[i];
        }
        double mean = (double) sum / n;
        if (n == 1) {
            return new SampleMoments(mean, Double.NaN); // R: sd of one value is NA
        }
        double squares = 0;
        for (int i = from; i < to; i++) {
            double deviation = counts[i] - mean;
            squares += deviation * deviation;
        }
        return new SampleMoments(mean, Math.sqrt(squares / (n - 1)));
    }
}
