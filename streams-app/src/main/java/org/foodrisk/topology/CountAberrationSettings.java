package org.foodrisk.topology;

import org.foodrisk.detect.CountAberrationRule;
import org.foodrisk.detect.IncubationPeriods;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;
import org.foodrisk.reference.FoodCategories;

import java.util.Map;

/**
 * Settings of the count aberrations — daily counts per district × category and × syndrome, and their
 * weekly sums ({@code illness.aberration}, {@code complaint.spike}, {@code sampling.aberration}) — configured
 * as {@code foodrisk.detect.<kebab-case of a component>}: {@code count-method: ears-c1},
 * {@code count-method-options.min-sigma: 1}, {@code weekly-count-method-options.threshold-method: nbPlugin}.
 * A method named without options of its own ({@code count-method: cusum} alone) starts from R's defaults,
 * not from the default method's options, which it might refuse.
 *
 * @param countMethod              the aberration method for daily counts (a name of AberrationMethods)
 * @param countMethodOptions       options of the daily method, named as R and the backtest CLI name them
 *                                 ({@code min-sigma}, {@code alpha}, {@code baseline} …); absent ones take R's
 *                                 defaults. The default {@code min-sigma 0.5} belongs to the default EARS C2: a
 *                                 configuration that names another count-method without options gets R's defaults
 * @param countHistoryDays         days of history given to it before the judged day
 * @param countMinEvents           fewest events on a day (or in a week) before a count alarm becomes an alert
 * @param countBaseline            "comparable-days" (judge a day against earlier days of its own day type,
 *                                 holidays and the return after them left out; {@link org.foodrisk.detect.ComparableDays})
 *                                 or "consecutive-days" (R's series of consecutive days)
 * @param weeklyCountMethod        the method for weekly sums of the same counts, judged when an ISO week
 *                                 closes ("farrington-flexible", the improved Farrington of Noufaily et al.
 *                                 2013 with R's defaults: needs 5 years of weekly history; "pooled-nb", the pooled
 *                                 model across a city's districts on weekly sums of food categories, from a
 *                                 district's first whole week), or "none"
 * @param weeklyCountMethodOptions the same as countMethodOptions for the weekly method (R's defaults unless set)
 * @param countAlertBudget         false alerts per district-week the daily per-series count aberrations may spend
 *                                 ({@code count-alert-budget}; 0 = no budget, the method's threshold alone): a day
 *                                 the method alarms on becomes an alert only when its predictive tail is at most
 *                                 budget / (series per district × 7) ({@link CountAberrationRule#withBudget})
 */
public record CountAberrationSettings(String countMethod, Map<String, String> countMethodOptions, int countHistoryDays,
                                      int countMinEvents, String countBaseline, String weeklyCountMethod,
                                      Map<String, String> weeklyCountMethodOptions, double countAlertBudget) {

    /**
     * Methods the backtest offers for comparison with R but the service refuses (each with its reason). R's {@code earsC} C3 bound is
     * the day's own count plus the C2 excesses of the two days before it (docs of {@code EarsC}): its alarm means
     * only that those two days exceeded their C2 bounds, while an analyst reads a C3 alarm as Hutwagner et al.
     * (2003) define it — the sum of three days' excesses, today's included.
     */
    static final Map<String, String> REFUSED_METHODS = Map.of("ears-c3",
            "ears-c3 follows R's bound, which ignores the day's own count (an alarm says only that the two days "
                    + "before exceeded their C2 bounds); use ears-c2 (the default) or ears-c1 — ears-c3 stays in the "
                    + "backtest for comparison with R",
            "glrnb",
            "glrnb accumulates evidence over every period since its chart began or last alarmed, and the service "
                    + "judges each closing period afresh from the stored counts, so the chart would start at the "
                    + "period judged and weigh that period alone; glrnb stays in the backtest until the day close "
                    + "keeps a chart's state");

    /**
     * The count-method that judges every district's food-category series together with one pooled model
     * ({@link PooledAberrationProcessor}) instead of each series on its own history: a new district is judged from
     * its first day (at the city's level, then at its own from its third week) rather than its fifth week (EARS C2's
     * 28 comparable days) or its sixth year (the weekly improved Farrington). Its options are
     * {@link PooledNegativeBinomialRun.Options#of}'s ({@code alpha}, {@code window}, {@code refit-every},
     * {@code min-periods}, {@code new-units}, {@code season}, {@code trend}, {@code downweight}).
     */
    public static final String POOLED_METHOD = "pooled-nb";

    public CountAberrationSettings {
        if (!(countAlertBudget >= 0) || Double.isInfinite(countAlertBudget)) {
            throw new IllegalArgumentException("count-alert-budget is a number of alerts per district-week, 0 or more: "
                    + countAlertBudget);
        }
        for (String method : new String[]{countMethod, weeklyCountMethod}) {
            if (REFUSED_METHODS.containsKey(method)) {
                throw new IllegalArgumentException(REFUSED_METHODS.get(method));
            }
        }
        // Unknown options and bad values are refused when the service starts.
        if (POOLED_METHOD.equals(countMethod)) {
            PooledNegativeBinomialRun.Options.of(countMethodOptions == null ? Map.of() : countMethodOptions,
                    Frequency.DAY);
        }
        if (POOLED_METHOD.equals(weeklyCountMethod)) {
            PooledNegativeBinomialRun.Options.of(weeklyCountMethodOptions == null ? Map.of() : weeklyCountMethodOptions,
                    Frequency.WEEK);
        }
    }

    /** Whether {@code method} (a daily or weekly count-method) takes every one of {@code options}. */
    static boolean takes(String method, Map<String, String> options, boolean weekly) {
        try {
            if (POOLED_METHOD.equals(method)) {
                PooledNegativeBinomialRun.Options.of(options, weekly ? Frequency.WEEK : Frequency.DAY);
            } else {
                AberrationMethods.create(method, options, weekly ? Frequency.WEEK : Frequency.DAY);
            }
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    /** Whether food-category days are judged by the pooled model across districts. */
    public boolean pooled() {
        return POOLED_METHOD.equals(countMethod);
    }

    /** The pooled model's options (only when {@link #pooled()}). */
    public PooledNegativeBinomialRun.Options pooledOptions() {
        return PooledNegativeBinomialRun.Options.of(countMethodOptions == null ? Map.of() : countMethodOptions,
                Frequency.DAY);
    }

    /**
     * Whether the weekly sums of food-category series are judged by the pooled model across districts
     * ({@code weekly-count-method: pooled-nb}) instead of the weekly improved Farrington on each series' own weeks.
     */
    public boolean weeklyPooled() {
        return POOLED_METHOD.equals(weeklyCountMethod);
    }

    /**
     * The weekly pooled model's options (only when {@link #weeklyPooled()}): {@link PooledNegativeBinomialRun.Options}'
     * weekly defaults — alpha 0.001, two years of weeks (104), refitted every week, a district judged from its fifth
     * whole week (min-periods 4).
     */
    public PooledNegativeBinomialRun.Options weeklyPooledOptions() {
        return PooledNegativeBinomialRun.Options.of(weeklyCountMethodOptions == null ? Map.of() : weeklyCountMethodOptions,
                Frequency.WEEK);
    }

    /** Whether the pooled stage runs: for days, for weeks or both. */
    public boolean anyPooled() {
        return pooled() || weeklyPooled();
    }

    /**
     * The method judging a daily series on its own history: the count-method, or — when that is the pooled model,
     * which covers food categories only — EARS C2 with its production options, for the per-syndrome illness series
     * (pooling them by syndrome across districts is not built yet) and the daily chart's threshold line.
     */
    public AberrationMethod perSeriesDailyMethod() {
        return pooled() ? AberrationMethods.create("ears-c2", DEFAULT_COUNT_METHOD_OPTIONS, Frequency.DAY)
                : AberrationMethods.create(countMethod, countMethodOptions, Frequency.DAY);
    }

    /**
     * Production options of EARS C2 on sparse daily counts. R's earsC has no floor on the sd (minSigma
     * 0): a baseline of zeros gives a threshold of 0, and with a 7-day baseline the alarm rate is far
     * above the nominal 0.1 % (docs/evaluation.md, 2026-12-06). A floor of 0.5 (Burkom's suggestion for
     * sparse data, the minimum-sd device of ESSENCE's EARS variants) puts the threshold over a zero
     * baseline at 0 + 3.09·0.5 = 1.5: three cases of a rare syndrome (botulism, toxic mushrooms) still
     * alarm, at BLUE (YELLOW for illness), not above a confirmed 3-case cluster. R's behaviour stays one
     * setting away: count-method-options.min-sigma=0.
     */
    public static final Map<String, String> DEFAULT_COUNT_METHOD_OPTIONS = Map.of("min-sigma", "0.5");

    public static CountAberrationSettings defaults() {
        // EARS C2 on daily counts: eligible from 7 days of history (United4Surveillance).
        return new CountAberrationSettings("ears-c2", DEFAULT_COUNT_METHOD_OPTIONS, 28, 3, "comparable-days",
                "farrington-flexible", Map.of(), DEFAULT_COUNT_ALERT_BUDGET);
    }

    /**
     * Two false count alerts per district-week by default — the alert burden the project set itself (docs/evaluation.md)
     * spent by these detectors alone at most. Bonferroni over every series a district could have (35 food categories ×
     * three streams and the two syndromes: 107) makes that a tail of 2.7e-3 per series-day, and most series have no events
     * at all, so the spending is far below the bound: on the deployed evaluation's 26 clean weeks the three count kinds
     * raised 18 alerts instead of 41 (0.04 per district-week), while planted incidents were found as before except one
     * complaint burst in twenty (docs/evaluation.md, "The alert budget, as deployed"). 0 switches it off.
     */
    static final double DEFAULT_COUNT_ALERT_BUDGET = 2;

    /**
     * The series of one district the daily per-series rules judge: every food category for cases, complaints and
     * failed samples, and every syndrome of the incubation table for cases (Bonferroni's denominator).
     */
    static long seriesPerDistrict() {
        return FoodCategories.NATIONAL.size() * 3L + IncubationPeriods.bundled().syndromeCount();
    }

    /** The largest predictive tail of a daily count alert under the budget, or 1 without one. */
    public double dailyBudgetAlpha() {
        return countAlertBudget == 0 ? 1.0 : Math.min(1.0, countAlertBudget / (seriesPerDistrict() * 7.0));
    }
}
