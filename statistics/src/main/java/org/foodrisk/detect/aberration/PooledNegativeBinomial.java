package org.foodrisk.detect.aberration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One count model of a stream and food category across all units (districts) at once: a negative-binomial GLM
 * ({@link NegativeBinomialGlm}, {@code MASS::glm.nb}) with a level per unit, the weekday (daily series), a holiday
 * indicator and the log of each period's sampling effort as offset —
 * {@code count ~ unit + weekday + holiday + offset(log(effort))}, treatment contrasts as R's {@code model.matrix}
 * makes them (the first level present is the reference; levels with no rows have no column).
 *
 * <p>Why pooled: a method fitted to one series at a time needs that series' history — the improved Farrington
 * five years of it — so a new district is not judged for years, and sparse series are mostly suppressed. Pooled,
 * the weekday and holiday effects and the dispersion come from every district; a new district needs only enough
 * periods to estimate its own level, and the uncertainty of that level is carried into the tail probability
 * ({@link NegativeBinomialTail#predictive}). Each period of a unit is then judged by the probability of a count at
 * least as large as observed — comparable across units, streams and methods, which is what an alert budget needs.
 *
 * <p>Optional terms ({@link Terms}): one harmonic of the year ({@code sin} and {@code cos} of 2π·t/365.25, t in days
 * since 1970-01-01) — for windows of a year or more, where a level per unit cannot absorb it and an unmodelled season
 * is taken for overdispersion (docs/evaluation.md); a linear trend in years (t/365.25), shared by the units; and
 * down-weighting of past outbreaks in the window, as Farrington et al. (1996, §3.4) and Noufaily et al. (2013, §3.1)
 * do for their baselines: after a first fit, periods whose standardized Pearson residual exceeds a threshold get
 * weights proportional to its inverse square ({@link OutbreakDownweighting#weights}), and the model is refitted with
 * those prior weights ({@code glm.nb(..., weights = w)}). Without it an outbreak in the window raises the levels
 * and, worse, lowers theta — every later period is then judged against a wider distribution.
 */
public final class PooledNegativeBinomial {

    /** One period of one unit: {@code unit} from 0, {@code effort} the sampling effort (1 when not known). */
    public record Observation(int unit, LocalDate day, boolean holiday, double effort, long count) {
        public Observation {
            if (unit < 0 || !(effort > 0) || count < 0) {
                throw new IllegalArgumentException("unit >= 0, effort > 0 and count >= 0: " + unit + ", " + effort
                        + ", " + count);
            }
        }
    }

    /**
     * The optional terms of the design and the down-weighting of past outbreaks.
     *
     * @param downweightAbove the standardized Pearson residual above which a period of the window is down-weighted
     *                        (Noufaily et al.: 2.58), or {@code Double.POSITIVE_INFINITY} for none
     */
    public record Terms(boolean seasonal, boolean trend, double downweightAbove) {
        /** Units, weekday and holiday only, every period weighted alike. */
        public static final Terms BASIC = new Terms(false, false, Double.POSITIVE_INFINITY);

        public Terms {
            if (!(downweightAbove > 0)) {
                throw new IllegalArgumentException("the down-weighting threshold must be positive: " + downweightAbove);
            }
        }

        boolean downweights() {
            return downweightAbove != Double.POSITIVE_INFINITY;
        }
    }

    /** A period's expectation under the model and the tail probability of its count. */
    public record Prediction(double linearPredictor, double standardError, double mean, double theta,
                             double pluginTail, double tail) {
    }

    private final NegativeBinomialGlm.Fit fit;
    private final PooledModel.Columns columns;
    private final PooledModel model;
    /** Each observation's prior weight in the final fit (the fit's rows may be fewer: {@link #fitCollapsed}). */
    private final double[] observationWeights;

    private PooledNegativeBinomial(NegativeBinomialGlm.Fit fit, PooledModel.Columns columns,
                                   double[] observationWeights) {
        this.fit = fit;
        this.columns = columns;
        this.model = PooledModel.of(columns, fit);
        this.observationWeights = observationWeights;
    }

    /** What prediction needs of this fit, to keep (its predictions and verdicts are this fit's). */
    public PooledModel model() {
        return model;
    }

    /**
     * Fits the model to the observations of a window.
     *
     * @param daily whether the periods are days (the weekday is then in the model)
     */
    public static PooledNegativeBinomial fit(List<Observation> observations, boolean daily) {
        return fit(observations, daily, Terms.BASIC);
    }

    /** @param terms the optional terms and the down-weighting of past outbreaks */
    public static PooledNegativeBinomial fit(List<Observation> observations, boolean daily, Terms terms) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("no observations to fit");
        }
        PooledModel.Columns columns = PooledModel.Columns.of(observations, daily, terms);
        int n = observations.size();
        double[][] design = new double[n][];
        double[] y = new double[n];
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            Observation observation = observations.get(i);
            design[i] = columns.row(observation.unit(), observation.day(), observation.holiday());
            y[i] = observation.count();
            offset[i] = Math.log(observation.effort());
        }
        if (!terms.downweights()) {
            double[] ones = new double[n];
            Arrays.fill(ones, 1.0);
            return new PooledNegativeBinomial(fitCollapsed(design, y, offset), columns, ones);
        }
        NegativeBinomialGlm.Fit fit = NegativeBinomialGlm.fit(design, y, offset);
        double[] residuals = fit.standardizedPearsonResiduals();
        // With no residual above the threshold every weight is one and the refit would be the same fit.
        if (Arrays.stream(residuals).anyMatch(r -> r > terms.downweightAbove())) {
            fit = NegativeBinomialGlm.fit(design, y, offset,
                    OutbreakDownweighting.weights(residuals, terms.downweightAbove()));
        }
        return new PooledNegativeBinomial(fit, columns, fit.priorWeights());
    }

    /**
     * The fit of rows that repeat — the same design row, offset and count: a district's ordinary Tuesdays with two
     * complaints — as one row each, weighted by how often it occurs. For the coefficients, theta and the standard errors
     * that is the same model as the repeated rows (each row's share of the IRLS, of theta's score and information
     * and of the log-likelihood is multiplied by its weight, as repeated rows add up); a year of days of sixteen
     * districts becomes a few hundred rows, which made the service's weekly refits several times faster. Not used
     * with down-weighting: its standardized residuals need each period's own leverage.
     */
    private static NegativeBinomialGlm.Fit fitCollapsed(double[][] design, double[] y, double[] offset) {
        Map<List<Double>, Integer> rowOf = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            List<Double> key = new ArrayList<>(design[i].length + 2);
            for (double x : design[i]) {
                key.add(x);
            }
            key.add(offset[i]);
            key.add(y[i]);
            Integer row = rowOf.get(key);
            if (row == null) {
                rowOf.put(key, rows.size());
                rows.add(design[i]);
                counts.add(y[i]);
                offsets.add(offset[i]);
                weights.add(1.0);
            } else {
                weights.set(row, weights.get(row) + 1);
            }
        }
        return NegativeBinomialGlm.fit(rows.toArray(new double[0][]), counts.stream().mapToDouble(Double::doubleValue)
                        .toArray(), offsets.stream().mapToDouble(Double::doubleValue).toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Whether the unit had rows in the fit (only those can be predicted). */
    public boolean knows(int unit) {
        return columns.knows(unit);
    }

    /** The prior weights of the final fit in the order of the observations: ones, or the down-weighting's. */
    double[] priorWeights() {
        return observationWeights.clone();
    }

    public double theta() {
        return fit.theta();
    }

    public double thetaStandardError() {
        return fit.thetaStandardError();
    }

    public double twoLogLikelihood() {
        return fit.twoLogLikelihood();
    }

    public boolean converged() {
        return fit.converged();
    }

    /** The coefficients in {@code model.matrix} order: intercept, units, weekdays, holiday, trend, sin and cos of the year. */
    public double[] coefficients() {
        double[] coefficients = new double[columns.count()];
        for (int j = 0; j < coefficients.length; j++) {
            coefficients[j] = fit.coefficient(j);
        }
        return coefficients;
    }

    /** The expectation of a period of a unit the fit knows, and the tail probability of {@code observed}. */
    public Prediction predict(int unit, LocalDate day, boolean holiday, double effort, long observed) {
        return model.predict(unit, day, holiday, effort, observed);
    }

    /** {@link PooledModel#judge}. */
    public DetectionPoint judge(int unit, LocalDate day, boolean holiday, double effort, long observed, double alpha) {
        return model.judge(unit, day, holiday, effort, observed, alpha);
    }

    /** Whether periods on this day's weekday had rows in the fit (daily fits; weekly ones know every day). */
    public boolean knowsDay(LocalDate day) {
        return columns.knowsDay(day);
    }
}
