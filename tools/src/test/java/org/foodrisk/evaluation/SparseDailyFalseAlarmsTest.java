package org.foodrisk.evaluation;

import org.foodrisk.detect.ComparableDays;
import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.LevelPolicy;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.HolidayCalendar;
import org.foodrisk.topology.CountAberrationSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * False alarms of the daily count rule on clean simulated data (no outbreak) with a weekly cycle and
 * China's holidays: Poisson counts of mean 0.2, 1 and 3 a day (four series each, fixed seeds), workdays
 * ×1.2 and rest days ×0.5 of the mean, 春节 at 30 % and other 法定节假日 at 50 %, judged every day of 2025
 * (history from 2024-10-01) by the production rule (at least 3 events before an alert) — before (R's
 * earsC defaults on consecutive days), with only min-sigma 0.5, and after (min-sigma 0.5 on comparable
 * days, the production default). Prints alarms per series per week; docs/evaluation.md (2026-12-06).
 */
class SparseDailyFalseAlarmsTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final LocalDate HISTORY_FROM = LocalDate.of(2024, 10, 1);
    private static final double WEEKS = (TO.toEpochDay() - FROM.toEpochDay() + 1) / 7.0;
    private static final double[] MEANS = {0.2, 1, 3};
    private static final int SERIES_PER_MEAN = 4;

    record Config(String name, Map<String, String> options, ComparableDays.Mode mode) {
    }

    @Test
    void falseAlarmsPerSeriesAndWeekOnCleanDailyCountsWithWeekdaysAndHolidays() {
        HolidayCalendar calendar = HolidayCalendar.china();
        List<Config> configs = List.of(
                new Config("before: ears-c2 R defaults, consecutive days", Map.of(), ComparableDays.Mode.CONSECUTIVE_DAYS),
                new Config("ears-c2 min-sigma 0.5, consecutive days", Map.of("min-sigma", "0.5"), ComparableDays.Mode.CONSECUTIVE_DAYS),
                new Config("after: ears-c2 min-sigma 0.5, comparable days (production)",
                        CountAberrationSettings.defaults().countMethodOptions(), ComparableDays.Mode.of(CountAberrationSettings.defaults().countBaseline())),
                new Config("alternative: ears-c2 min-sigma 1, comparable days", Map.of("min-sigma", "1"),
                        ComparableDays.Mode.COMPARABLE_DAYS));
        Map<String, double[]> perMean = new LinkedHashMap<>();
        Map<String, Integer> holidayReturnAlarms = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "False alarms per series per week, 2025 (%.1f weeks), clean Poisson data with weekly cycle and holidays%n", WEEKS));
        for (Config config : configs) {
            CountAberrationRule rule = new CountAberrationRule(AberrationMethods.create("ears-c2", config.options(), Frequency.DAY),
                    CountAberrationSettings.defaults().countHistoryDays(), CountAberrationSettings.defaults().countMinEvents(),
                    CountAberrationRule.Dimension.FOOD_CATEGORY, LevelPolicy.defaults());
            ComparableDays days = new ComparableDays(config.mode(), calendar);
            double[] rates = new double[MEANS.length];
            int returns = 0;
            report.append(config.name()).append('\n');
            for (int m = 0; m < MEANS.length; m++) {
                List<String> cells = new ArrayList<>();
                int alarmsOfMean = 0;
                for (int s = 0; s < SERIES_PER_MEAN; s++) {
                    Map<LocalDate, Long> counts = simulate(MEANS[m], 1000L * m + s, calendar);
                    int alarms = 0;
                    for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
                        List<LocalDate> dates = days.seriesDays(day, rule.historyDays(), HISTORY_FROM);
                        long[] values = dates.stream().mapToLong(d -> counts.getOrDefault(d, 0L)).toArray();
                        CountSeries series = new CountSeries("complaint|120114|乳制品", Frequency.DAY, dates, values);
                        if (rule.evaluate(SignalType.COMPLAINT, "120114|乳制品", series, List.of(), ZoneId.of("Asia/Shanghai")).isPresent()) {
                            alarms++;
                            if (afterHoliday(day, calendar)) {
                                returns++;
                            }
                        }
                    }
                    alarmsOfMean += alarms;
                    cells.add(String.format(Locale.ROOT, "%.3f", alarms / WEEKS));
                }
                rates[m] = alarmsOfMean / (SERIES_PER_MEAN * WEEKS);
                report.append(String.format(Locale.ROOT, "  mean %.1f/day: series %s  -> %.3f alarms/series/week%n",
                        MEANS[m], cells, rates[m]));
            }
            report.append(String.format(Locale.ROOT, "  alarms in the 7 days after a long holiday (all series): %d%n", returns));
            perMean.put(config.name(), rates);
            holidayReturnAlarms.put(config.name(), returns);
        }
        System.out.println(report);
        double[] before = perMean.get(configs.get(0).name());
        double[] after = perMean.get(configs.get(2).name());
        for (int m = 0; m < MEANS.length; m++) {
            // Budget: DESIGN.md aims at ≤ 2 alerts per district per week on clean data; at 0.15 per series
            // per week that holds for up to 13 busy daily series of a district (min-sigma 1 halves it, at the
            // price of 3 cases over a zero baseline no longer alarming — see docs/evaluation.md).
            assertTrue(after[m] <= 0.15, String.format(Locale.ROOT, "mean %.1f: %.3f alarms/series/week%n%s", MEANS[m], after[m], report));
            assertTrue(after[m] <= before[m], report.toString());
        }
        assertTrue(holidayReturnAlarms.get(configs.get(2).name()) <= holidayReturnAlarms.get(configs.get(0).name()) / 4,
                report.toString());
    }

    /** One of the 7 days after a run of ≥ 5 non-working days holding a 法定节假日. */
    private static boolean afterHoliday(LocalDate day, HolidayCalendar calendar) {
        for (int back = 0; back < 7; back++) {
            if (calendar.holidayRunEndingBefore(day.minusDays(back)) >= ComparableDays.LONG_HOLIDAY) {
                return true;
            }
        }
        return false;
    }

    private static Map<LocalDate, Long> simulate(double mean, long seed, HolidayCalendar calendar) {
        Random random = new Random(seed);
        Map<LocalDate, Long> counts = new HashMap<>();
        for (LocalDate day = HISTORY_FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            double factor = switch (calendar.dayType(day)) {
                case WORKDAY -> 1.2;
                case REST_DAY -> 0.5;
                case HOLIDAY -> calendar.holiday(day).orElse("").equals("春节") ? 0.3 : 0.5;
            };
            counts.put(day, poisson(mean * factor, random));
        }
        return counts;
    }

    /** Knuth's multiplication method: exact for the small means used here. */
    private static long poisson(double lambda, Random random) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
