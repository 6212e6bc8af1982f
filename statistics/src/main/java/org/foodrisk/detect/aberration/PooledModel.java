package org.foodrisk.detect.aberration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What prediction needs of a fitted {@link PooledNegativeBinomial}, and nothing else: the design's columns, the
 * coefficients, the pivot and R factor of the last IRLS fit's QR decomposition (for the standard error of the linear
 * predictor, {@code predict(fit, se.fit = TRUE)}) and theta — computed exactly as the fit computes them, so a model
 * written out ({@link #encode}) and read back ({@link #decode}) judges every period bit for bit as the fit did. The
 * service keeps the model a week's days are judged by in its state store: after a restart the same model judges,
 * not a refit on data that has changed since.
 */
public final class PooledModel {

    private static final String VERSION = "pooled-model-1";

    private final Columns columns;
    /** By original column; 0 where the column is not estimable (it takes no part in the linear predictor). */
    private final double[] coefficients;
    /** The first {@code rank} pivoted columns. */
    private final int[] pivot;
    /** R's upper triangle over the first {@code rank} positions: {@code r[m][j]} for m <= j. */
    private final double[][] r;
    private final double theta;

    private PooledModel(Columns columns, double[] coefficients, int[] pivot, double[][] r, double theta) {
        this.columns = columns;
        this.coefficients = coefficients;
        this.pivot = pivot;
        this.r = r;
        this.theta = theta;
    }

    static PooledModel of(Columns columns, NegativeBinomialGlm.Fit fit) {
        PivotingQr qr = fit.qr();
        int rank = qr.rank();
        double[] coefficients = new double[columns.count()];
        int[] pivot = new int[rank];
        double[][] r = new double[rank][rank];
        for (int position = 0; position < rank; position++) {
            pivot[position] = qr.pivot(position);
            coefficients[pivot[position]] = fit.coefficient(pivot[position]);
            for (int m = 0; m <= position; m++) {
                r[m][position] = qr.r(m, position);
            }
        }
        return new PooledModel(columns, coefficients, pivot, r, fit.theta());
    }

    /** Whether the unit had rows in the fit (only those can be predicted). */
    public boolean knows(int unit) {
        return columns.knows(unit);
    }

    /**
     * How much more (or less) a unit of {@code size} is expected to count than the average unit of
     * {@link #judgeAtAverageLevel} — its effort factor: {@code size} over the geometric mean of the sizes of the units
     * the fit has a level of (that average level is the mean of their log levels). 1 when a size is not known (NaN:
     * the unit's own, or one of those units'; {@code unitSizes} indexed by unit) or the fit knows no unit.
     */
    public double relativeSize(double size, double[] unitSizes) {
        if (Double.isNaN(size)) {
            return 1;
        }
        double logSum = 0;
        int known = 0;
        for (int unit = 0; unit < unitSizes.length; unit++) {
            if (!knows(unit)) {
                continue;
            }
            if (Double.isNaN(unitSizes[unit])) {
                return 1;
            }
            logSum += Math.log(unitSizes[unit]);
            known++;
        }
        return known == 0 ? 1 : size / Math.exp(logSum / known);
    }

    /** Whether periods on this day's weekday had rows in the fit (daily fits; weekly ones know every day). */
    public boolean knowsDay(LocalDate day) {
        return columns.knowsDay(day);
    }

    public double theta() {
        return theta;
    }

    /** The expectation of a period of a unit the fit knows, and the tail probability of {@code observed}. */
    public PooledNegativeBinomial.Prediction predict(int unit, LocalDate day, boolean holiday, double effort,
                                                     long observed) {
        if (!knows(unit)) {
            throw new IllegalArgumentException("unit " + unit + " had no periods in the fit");
        }
        if (!columns.knowsDay(day)) {
            throw new IllegalArgumentException("no periods on a " + day.getDayOfWeek() + " in the fit");
        }
        return predictAt(columns.row(unit, day, holiday), effort, observed);
    }

    /** The prediction at a design row: {@code predict(fit, se.fit = TRUE, type = "link")}, dispersion one. */
    private PooledNegativeBinomial.Prediction predictAt(double[] x0, double effort, long observed) {
        double eta = linearPredictor(x0) + Math.log(effort);
        double se = Math.sqrt(inverseGramQuadraticForm(x0));
        return new PooledNegativeBinomial.Prediction(eta, se, Math.exp(eta), theta,
                NegativeBinomialTail.upper(observed, Math.exp(eta), theta),
                NegativeBinomialTail.predictive(observed, eta, se, theta));
    }

    /**
     * The verdict on a period of a unit the fit knows, on a day whose weekday it knows: {@code expected} the model's
     * mean, {@code threshold} the largest count whose tail probability is still at least {@code alpha} (the count
     * alarms above it, as R's upperbound), {@code statistic} and {@code pValue} the predictive tail probability of
     * {@code observed}; alarm when it is below {@code alpha}.
     */
    public DetectionPoint judge(int unit, LocalDate day, boolean holiday, double effort, long observed, double alpha) {
        return point(predict(unit, day, holiday, effort, observed), day, observed, alpha);
    }

    /**
     * The verdict on a period of a unit the fit has no level of (no events of its own in the window, so its level's
     * estimate runs off to minus infinity with a standard error to match): judged at the average level of the units
     * the fit knows ({@code x0} has {@code 1/U} in each unit's indicator column, the reference unit's level being the
     * intercept), with that average's standard error. A unit that had no events is likelier below the average than
     * above it, so this alarms less readily than its own level would.
     */
    public DetectionPoint judgeAtAverageLevel(LocalDate day, boolean holiday, double effort, long observed,
                                              double alpha) {
        if (!columns.knowsDay(day)) {
            throw new IllegalArgumentException("no periods on a " + day.getDayOfWeek() + " in the fit");
        }
        int[] known = IntStream.range(0, columns.unitColumn().length).filter(columns::knows).toArray();
        if (known.length == 0) {
            throw new IllegalArgumentException("the fit knows no unit");
        }
        double[] x0 = new double[columns.count()];
        for (int unit : known) {
            double[] row = columns.row(unit, day, holiday);
            for (int j = 0; j < row.length; j++) {
                x0[j] += row[j] / known.length;
            }
        }
        return point(predictAt(x0, effort, observed), day, observed, alpha);
    }

    /** Counts above this are not searched for a threshold: the threshold is then reported as infinite. */
    private static final long LARGEST_THRESHOLD = 1L << 40;

    private static DetectionPoint point(PooledNegativeBinomial.Prediction prediction, LocalDate day, long observed,
                                        double alpha) {
        return new DetectionPoint(day, observed, prediction.mean(), threshold(prediction, alpha), prediction.tail(),
                prediction.tail(), prediction.tail() < alpha, PointStatus.EVALUATED);
    }

    /**
     * The largest count whose tail probability is still at least {@code alpha} (a count alarms above it, as R's
     * upperbound): the tail falls with the count, so the smallest alarming count is found by doubling from the mean
     * and then bisecting — a bounded number of tail evaluations. A unit whose level is barely known has a
     * predictive tail so wide that no count up to {@link #LARGEST_THRESHOLD} alarms: infinite.
     */
    private static double threshold(PooledNegativeBinomial.Prediction prediction, double alpha) {
        long low = 0; // tail(0) = 1 >= alpha
        long high = Math.max(1, (long) Math.ceil(prediction.mean()));
        while (tail(prediction, high) >= alpha) {
            if (high >= LARGEST_THRESHOLD) {
                return Double.POSITIVE_INFINITY;
            }
            low = high;
            high *= 2;
        }
        while (high - low > 1) { // tail(low) >= alpha > tail(high)
            long middle = low + (high - low) / 2;
            if (tail(prediction, middle) >= alpha) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high - 1;
    }

    private static double tail(PooledNegativeBinomial.Prediction prediction, long count) {
        return NegativeBinomialTail.predictive(count, prediction.linearPredictor(), prediction.standardError(),
                prediction.theta());
    }

    /** As {@code QuasiPoissonGlm.Fit.linearPredictor}: over the estimable columns, in pivoted order. */
    private double linearPredictor(double[] x0) {
        double sum = 0.0;
        for (int column : pivot) {
            sum += x0[column] * coefficients[column];
        }
        return sum;
    }

    /** As {@code PivotingQr.inverseGramQuadraticForm}: {@code x0' (R'R)^-1 x0} by forward substitution. */
    private double inverseGramQuadraticForm(double[] x0) {
        int rank = pivot.length;
        double[] v = new double[rank];
        double sum = 0.0;
        for (int j = 0; j < rank; j++) {
            double value = x0[pivot[j]];
            for (int m = 0; m < j; m++) {
                value -= r[m][j] * v[m];
            }
            v[j] = value / r[j][j];
            sum += v[j] * v[j];
        }
        return sum;
    }

    /** The model as one line of text; {@link #decode} reads it back exactly (Java's shortest round-trip decimals). */
    public String encode() {
        StringBuilder r = new StringBuilder();
        for (int j = 0; j < pivot.length; j++) {
            for (int m = 0; m <= j; m++) {
                r.append(m + j == 0 ? "" : ",").append(this.r[m][j]);
            }
        }
        return String.join(";", VERSION, Double.toString(theta), Integer.toString(columns.count()),
                Integer.toString(columns.holidayColumn()), Integer.toString(columns.trendColumn()),
                Integer.toString(columns.seasonColumn()), ints(columns.unitColumn()), ints(columns.weekdayColumn()),
                ints(pivot), Arrays.stream(coefficients).mapToObj(Double::toString).collect(Collectors.joining(",")),
                r.toString());
    }

    public static PooledModel decode(String text) {
        String[] parts = text.split(";", -1);
        if (parts.length != 11 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + VERSION + ": " + text);
        }
        Columns columns = new Columns(intsOf(parts[6]), intsOf(parts[7]), Integer.parseInt(parts[3]),
                Integer.parseInt(parts[4]), Integer.parseInt(parts[5]), Integer.parseInt(parts[2]));
        int[] pivot = intsOf(parts[8]);
        double[] coefficients = doublesOf(parts[9]);
        double[] triangle = doublesOf(parts[10]);
        double[][] r = new double[pivot.length][pivot.length];
        int k = 0;
        for (int j = 0; j < pivot.length; j++) {
            for (int m = 0; m <= j; m++) {
                r[m][j] = triangle[k++];
            }
        }
        return new PooledModel(columns, coefficients, pivot, r, Double.parseDouble(parts[1]));
    }

    private static String ints(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static int[] intsOf(String text) {
        return text.isEmpty() ? new int[0] : Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] doublesOf(String text) {
        return text.isEmpty() ? new double[0] : Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** The design's columns: which units and weekdays have one, in R's order. */
    record Columns(int[] unitColumn, int[] weekdayColumn, int holidayColumn, int trendColumn, int seasonColumn,
                           int count) {

        static Columns of(List<PooledNegativeBinomial.Observation> observations, boolean daily,
                          PooledNegativeBinomial.Terms terms) {
            int units = observations.stream().mapToInt(PooledNegativeBinomial.Observation::unit).max().orElse(0) + 1;
            boolean[] unitSeen = new boolean[units];
            boolean[] weekdaySeen = new boolean[8];
            boolean holidays = false;
            boolean workdays = false;
            for (PooledNegativeBinomial.Observation observation : observations) {
                unitSeen[observation.unit()] = true;
                weekdaySeen[observation.day().getDayOfWeek().getValue()] = true;
                holidays |= observation.holiday();
                workdays |= !observation.holiday();
            }
            int next = 1; // column 0 is the intercept
            int[] unitColumn = new int[units];
            Arrays.fill(unitColumn, -1);
            boolean reference = true;
            for (int u = 0; u < units; u++) {
                if (unitSeen[u]) {
                    unitColumn[u] = reference ? 0 : next++;
                    reference = false;
                }
            }
            int[] weekdayColumn = new int[8];
            Arrays.fill(weekdayColumn, -1);
            reference = true;
            for (int d = DayOfWeek.MONDAY.getValue(); d <= DayOfWeek.SUNDAY.getValue() && daily; d++) {
                if (weekdaySeen[d]) {
                    weekdayColumn[d] = reference ? 0 : next++;
                    reference = false;
                }
            }
            int holidayColumn = holidays && workdays ? next++ : -1;
            int trendColumn = terms.trend() ? next++ : -1;
            int seasonColumn = terms.seasonal() ? next : -1;
            next += terms.seasonal() ? 2 : 0;
            return new Columns(unitColumn, weekdayColumn, holidayColumn, trendColumn, seasonColumn, next);
        }

        /** Whether the day's weekday had rows (for weekly periods every day is known). */
        boolean knowsDay(LocalDate day) {
            boolean daily = Arrays.stream(weekdayColumn).anyMatch(column -> column >= 0);
            return !daily || weekdayColumn[day.getDayOfWeek().getValue()] >= 0;
        }

        boolean knows(int unit) {
            return unit >= 0 && unit < unitColumn.length && unitColumn[unit] >= 0;
        }

        /** A design row; column 0 of a factor means its reference level (no indicator). */
        double[] row(int unit, LocalDate day, boolean holiday) {
            double[] x = new double[count];
            x[0] = 1;
            int u = unitColumn[unit];
            if (u > 0) {
                x[u] = 1;
            }
            int w = weekdayColumn[day.getDayOfWeek().getValue()];
            if (w > 0) {
                x[w] = 1;
            }
            if (holidayColumn > 0 && holiday) {
                x[holidayColumn] = 1;
            }
            if (trendColumn > 0) {
                x[trendColumn] = day.toEpochDay() / 365.25;
            }
            if (seasonColumn > 0) {
                double angle = 2 * Math.PI * day.toEpochDay() / 365.25;
                x[seasonColumn] = Math.sin(angle);
                x[seasonColumn + 1] = Math.cos(angle);
            }
            return x;
        }
    }
}
