package org.foodrisk.backtest;

import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PointStatus;
import org.foodrisk.detect.aberration.PooledNegativeBinomial;
import org.foodrisk.reference.HolidayCalendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Runs the pooled negative-binomial model ({@link PooledNegativeBinomial}) over every unit of the input at once, as
 * an analyst replays history: the model is fitted on the {@code window} periods before a period (all units
 * together), refitted every {@code refitEvery} periods, and each unit's period is judged by the predictive tail
 * probability of its count. A unit is judged from its {@code minPeriods}-th observed period on — a district that
 * began reporting last week is judged next week, not in five years.
 *
 * <p>{@code expected} is the model's mean, {@code threshold} the largest count whose tail probability is still at
 * least {@code alpha} (the count alarms when it is above it, as R's upperbound), {@code alarm} tail &lt; alpha. With
 * a calibrated model a unit-period alarms by chance with probability at most alpha (counts are discrete), so
 * {@code alpha = budget / periods per week} keeps a unit's false alarms under {@code budget} a week.
 */
final class PooledBacktest {

    /** The options of {@code --method pooled-nb}. */
    record Options(double alpha, int window, int refitEvery, int minPeriods) {
        static Options of(Map<String, String> given, Frequency frequency) {
            boolean daily = frequency == Frequency.DAY;
            double alpha = Double.parseDouble(given.getOrDefault("alpha", "0.001"));
            int window = Integer.parseInt(given.getOrDefault("window", daily ? "182" : "104"));
            int refitEvery = Integer.parseInt(given.getOrDefault("refit-every", daily ? "7" : "1"));
            int minPeriods = Integer.parseInt(given.getOrDefault("min-periods", daily ? "14" : "4"));
            for (String name : given.keySet()) {
                if (!List.of("alpha", "window", "refit-every", "min-periods").contains(name)) {
                    throw new IllegalArgumentException("pooled-nb does not take --" + name
                            + " (it takes --alpha, --window, --refit-every, --min-periods)");
                }
            }
            if (!(alpha > 0 && alpha < 1) || window < 2 || refitEvery < 1 || minPeriods < 1) {
                throw new IllegalArgumentException("pooled-nb: 0 < alpha < 1, window >= 2, refit-every >= 1,"
                        + " min-periods >= 1");
            }
            return new Options(alpha, window, refitEvery, minPeriods);
        }
    }

    private PooledBacktest() {
    }

    static List<Backtest.UnitPoint> run(List<CountSeries> series, LocalDate rangeStart, Options options,
                                        HolidayCalendar calendar) {
        boolean daily = !series.isEmpty() && series.get(0).frequency() == Frequency.DAY;
        ChronoUnit step = daily ? ChronoUnit.DAYS : ChronoUnit.WEEKS;
        TreeSet<LocalDate> periods = new TreeSet<>();
        series.forEach(unit -> periods.addAll(unit.dates()));
        List<List<Backtest.UnitPoint>> byUnit = new ArrayList<>();
        series.forEach(unit -> byUnit.add(new ArrayList<>()));
        PooledNegativeBinomial model = null;
        LocalDate fittedOn = null;
        for (LocalDate period : periods) {
            if (rangeStart != null && period.isBefore(rangeStart)) {
                continue;
            }
            if (model == null || step.between(fittedOn, period) >= options.refitEvery()) {
                model = fit(series, period.minus(options.window(), step), period, daily, calendar);
                fittedOn = period;
            }
            for (int u = 0; u < series.size(); u++) {
                CountSeries unit = series.get(u);
                int index = unit.dates().indexOf(period);
                if (index < options.minPeriods() || model == null || !model.knows(u)) {
                    continue; // not observed yet, or too few periods to know its level
                }
                byUnit.get(u).add(new Backtest.UnitPoint(unit.unit(), judge(model, u, period, unit.counts()[index], daily,
                        calendar, options.alpha())));
            }
        }
        // Written unit by unit, in input order, as the other methods' results.
        return byUnit.stream().flatMap(List::stream).toList();
    }

    /** The model of the periods in [from, before) of every unit, or null when there are none. */
    private static PooledNegativeBinomial fit(List<CountSeries> series, LocalDate from, LocalDate before, boolean daily,
                                              HolidayCalendar calendar) {
        List<PooledNegativeBinomial.Observation> observations = new ArrayList<>();
        for (int u = 0; u < series.size(); u++) {
            CountSeries unit = series.get(u);
            for (int i = 0; i < unit.size(); i++) {
                LocalDate date = unit.dates().get(i);
                if (!date.isBefore(from) && date.isBefore(before)) {
                    observations.add(new PooledNegativeBinomial.Observation(u, date, daily && isHoliday(calendar, date),
                            1.0, unit.counts()[i]));
                }
            }
        }
        if (observations.isEmpty()) {
            return null;
        }
        try {
            return PooledNegativeBinomial.fit(observations, daily);
        } catch (ArithmeticException e) {
            // No negative-binomial fit of this window (theta at zero, no finite coefficients): its periods are
            // left unjudged, as a method without enough history leaves them, rather than judged on a broken fit.
            return null;
        }
    }

    private static boolean isHoliday(HolidayCalendar calendar, LocalDate day) {
        return calendar.dayType(day) == HolidayCalendar.DayType.HOLIDAY;
    }

    private static DetectionPoint judge(PooledNegativeBinomial model, int unit, LocalDate period, long observed,
                                        boolean daily, HolidayCalendar calendar, double alpha) {
        boolean holiday = daily && isHoliday(calendar, period);
        PooledNegativeBinomial.Prediction prediction = model.predict(unit, period, holiday, 1.0, observed);
        // The smallest count that alarms: the tail falls with the count; start the search at the mean.
        long alarming = Math.max(1, (long) Math.floor(prediction.mean()));
        while (model.predict(unit, period, holiday, 1.0, alarming).tail() >= alpha) {
            alarming++;
        }
        while (alarming > 1 && model.predict(unit, period, holiday, 1.0, alarming - 1).tail() < alpha) {
            alarming--;
        }
        boolean alarm = prediction.tail() < alpha;
        return new DetectionPoint(period, observed, prediction.mean(), alarming - 1, prediction.tail(),
                prediction.tail(), alarm, PointStatus.EVALUATED);
    }
}
