package org.foodrisk.detect.aberration;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Judges every unit's periods with the pooled model ({@link PooledNegativeBinomial}) as history is replayed: the
 * model is fitted on the {@code window} periods before a period (all units together) and refitted every
 * {@code refitEvery} periods; each unit's period is judged by the predictive tail probability of its count. A unit
 * has its own level from its {@code minPeriods}-th observed period on (its series starts at its first observed
 * period); before that — and when the fit has no level of it (no event in the window) — it is judged at the average
 * unit's level times its {@code scale} over the fitted units' geometric mean ({@link NewUnits#CITY}, the default: the
 * other units' experience is the prior of a new one), or not at all ({@link NewUnits#WAIT}).
 *
 * <p>A point's {@code expected} is the model's mean, {@code threshold} the largest count whose tail probability is
 * still at least {@code alpha} (the count alarms above it, as R's upperbound), {@code statistic} and
 * {@code pValue} the tail probability; alarm when it is below {@code alpha}. With a calibrated model a unit-period
 * alarms by chance with probability at most alpha (counts are discrete), so {@code alpha = budget / periods per week}
 * keeps a unit's false alarms under {@code budget} a week.
 */
public final class PooledNegativeBinomialRun {

    /**
     * What is said of a unit before it has {@code min-periods} periods of its own, or when the fit has no level of it
     * (option {@code new-units}).
     */
    public enum NewUnits {
        /** Judged at the average unit's level, scaled by its size: detection from its first period. */
        CITY,
        /** Not judged until it has {@code min-periods} periods (nor when the fit has no level of it). */
        WAIT;

        static NewUnits named(MethodOptions read, NewUnits defaultValue) {
            String name = read.text("new-units", defaultValue.name().toLowerCase(Locale.ROOT));
            return switch (name) {
                case "city" -> CITY;
                case "wait" -> WAIT;
                default -> throw read.invalid("new-units", name, "city or wait");
            };
        }
    }

    /** How the run fits and judges; the defaults are {@link #defaults(Frequency)}. */
    public record Options(double alpha, int window, int refitEvery, int minPeriods, PooledNegativeBinomial.Terms terms,
                          NewUnits newUnits) {
        public Options {
            if (!(alpha > 0 && alpha < 1) || window < 2 || refitEvery < 1 || minPeriods < 1 || terms == null
                    || newUnits == null) {
                throw new IllegalArgumentException("pooled-nb: 0 < alpha < 1, window >= 2, refit-every >= 1,"
                        + " min-periods >= 1");
            }
        }

        public Options(double alpha, int window, int refitEvery, int minPeriods, PooledNegativeBinomial.Terms terms) {
            this(alpha, window, refitEvery, minPeriods, terms, NewUnits.CITY);
        }

        public Options(double alpha, int window, int refitEvery, int minPeriods) {
            this(alpha, window, refitEvery, minPeriods, PooledNegativeBinomial.Terms.BASIC);
        }

        /**
         * alpha 0.001; half a year of days (182) or two years of weeks (104); refit weekly; 14 days or 4 weeks of a
         * unit's own before its own level is used (new units at the average unit's level until then); no season, no
         * trend, no down-weighting.
         */
        public static Options defaults(Frequency frequency) {
            boolean daily = frequency == Frequency.DAY;
            return new Options(0.001, daily ? 182 : 104, daily ? 7 : 1, daily ? 14 : 4);
        }

        /**
         * Options given by name, as the backtest CLI spells them ({@link MethodOptions}: an unknown name or a value
         * that does not parse is refused): {@code alpha}, {@code window}, {@code refit-every}, {@code min-periods},
         * {@code season} and {@code trend} (true or false), {@code downweight} the residual threshold above which past
         * periods are down-weighted (e.g. 2.58), {@code new-units} ({@code city} or {@code wait}, {@link NewUnits}).
         * Absent ones take the {@link #defaults}.
         */
        public static Options of(Map<String, String> given, Frequency frequency) {
            Options defaults = defaults(frequency);
            MethodOptions read = new MethodOptions("pooled-nb", given);
            Options options = new Options(read.decimal("alpha", defaults.alpha()),
                    read.integer("window", defaults.window()),
                    read.integer("refit-every", defaults.refitEvery()),
                    read.integer("min-periods", defaults.minPeriods()),
                    new PooledNegativeBinomial.Terms(read.bool("season", defaults.terms().seasonal()),
                            read.bool("trend", defaults.terms().trend()),
                            read.decimal("downweight", defaults.terms().downweightAbove())),
                    NewUnits.named(read, defaults.newUnits()));
            read.rejectUnused();
            return options;
        }
    }

    private PooledNegativeBinomialRun() {
    }

    /**
     * @param units      one series per unit, all of one frequency (weekly: the weekday is not modelled)
     * @param rangeStart the first period judged, or null for every period
     * @param holiday    which days are holidays (daily series)
     * @return per unit, in the order given, its judged points in date order
     */
    public static List<List<DetectionPoint>> judge(List<CountSeries> units, LocalDate rangeStart, Options options,
                                                   Predicate<LocalDate> holiday) {
        return judge(units, null, rangeStart, options, holiday);
    }

    /**
     * @param scales each unit's size (its population, say), for judging a unit at the average unit's level
     *               ({@link NewUnits#CITY}); null when the units are alike
     */
    public static List<List<DetectionPoint>> judge(List<CountSeries> units, double[] scales, LocalDate rangeStart,
                                                   Options options, Predicate<LocalDate> holiday) {
        boolean daily = !units.isEmpty() && units.get(0).frequency() == Frequency.DAY;
        ChronoUnit step = daily ? ChronoUnit.DAYS : ChronoUnit.WEEKS;
        TreeSet<LocalDate> periods = new TreeSet<>();
        units.forEach(unit -> periods.addAll(unit.dates()));
        List<List<DetectionPoint>> byUnit = new ArrayList<>();
        units.forEach(unit -> byUnit.add(new ArrayList<>()));
        int[] next = new int[units.size()]; // each unit's index of the period being judged
        PooledNegativeBinomial model = null;
        LocalDate fittedOn = null;
        for (LocalDate period : periods) {
            for (int u = 0; u < units.size(); u++) {
                List<LocalDate> dates = units.get(u).dates();
                while (next[u] < dates.size() && dates.get(next[u]).isBefore(period)) {
                    next[u]++;
                }
            }
            if (rangeStart != null && period.isBefore(rangeStart)) {
                continue;
            }
            if (fittedOn == null || step.between(fittedOn, period) >= options.refitEvery()) {
                model = fit(units, period.minus(options.window(), step), period, daily, options.terms(), holiday);
                fittedOn = period;
            }
            for (int u = 0; u < units.size(); u++) {
                CountSeries unit = units.get(u);
                int index = next[u];
                boolean observed = index < unit.size() && unit.dates().get(index).equals(period);
                if (!observed || model == null) {
                    continue;
                }
                boolean day = daily && holiday.test(period);
                if (index >= options.minPeriods() && model.knows(u)) {
                    byUnit.get(u).add(model.judge(u, period, day, 1.0, unit.counts()[index], options.alpha()));
                } else if (options.newUnits() == NewUnits.CITY && model.model().knowsDay(period)) {
                    // Too few periods to know its own level, or none in the fit: the average unit's, to its size.
                    double size = scales == null ? 1 : model.model().relativeSize(scales[u], scales);
                    byUnit.get(u).add(model.model().judgeAtAverageLevel(period, day, size, unit.counts()[index],
                            options.alpha()));
                }
            }
        }
        return byUnit;
    }

    /** The model of the periods in [from, before) of every unit, or null when there are none or it cannot be fitted. */
    private static PooledNegativeBinomial fit(List<CountSeries> units, LocalDate from, LocalDate before, boolean daily,
                                              PooledNegativeBinomial.Terms terms, Predicate<LocalDate> holiday) {
        List<PooledNegativeBinomial.Observation> observations = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            CountSeries unit = units.get(u);
            for (int i = 0; i < unit.size(); i++) {
                LocalDate date = unit.dates().get(i);
                if (!date.isBefore(from) && date.isBefore(before)) {
                    observations.add(new PooledNegativeBinomial.Observation(u, date, daily && holiday.test(date), 1.0,
                            unit.counts()[i]));
                }
            }
        }
        if (observations.isEmpty()) {
            return null;
        }
        try {
            return PooledNegativeBinomial.fit(observations, daily, terms);
        } catch (ArithmeticException e) {
            // No negative-binomial fit of this window (theta at zero, no finite coefficients): its periods are left
            // unjudged, as a method without enough history leaves them, rather than judged on a broken fit.
            return null;
        }
    }
}
