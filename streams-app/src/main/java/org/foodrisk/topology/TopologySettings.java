package org.foodrisk.topology;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the topology's behaviour depends on, in one place. The application starts from
 * {@link #defaults()} and overrides what configuration names under {@code foodrisk.detect.*}
 * (kebab-case of these names, e.g. {@code foodrisk.detect.cluster-gap: PT48H},
 * {@code foodrisk.detect.levels.cluster-red-cases: 30}), the zone ({@code foodrisk.zone}) and the
 * deadlines ({@code foodrisk.deadlines.*}); tests build it directly.
 *
 * @param zone                 the zone in which days are counted (Asia/Shanghai)
 * @param futureTolerance      how far an event time may lie after publication (clock skew)
 * @param failureRateWindow    length of the rolling pass-rate window
 * @param failureRateMinSamples fewest results in a window before a pass rate is judged
 * @param failureRateAlpha     significance level of the one-sided binomial test
 * @param defaultPassRates     pass-rate targets by category where no plan sets one
 * @param defaultPassRate      pass-rate target for every other category
 * @param repeatOffenderWindow how close two failures of one business must be
 * @param repeatOffenderMinFailures how many failures make a repeat offender
 * @param clusterGap           longest gap between consecutive onsets of cases in one outbreak episode
 * @param clusterMinCases      cases with a common exposure that make a suspected outbreak
 * @param complaintWindow      how close complaints about one business must be
 * @param complaintMinCount    complaints about one business that make an alert
 * @param opinionAlpha         α of the epitweetr threshold
 * @param opinionMinPosts      fewest posts in 24 h before a spike is judged
 * @param rumourMinReach       reach from which a suspected rumour is flagged at once
 * @param fusionWindow         how close signals of different streams must be to fuse
 * @param fusionMinSignals     fewest notable signals for a fusion alert
 * @param overdueCheckEvery    how often (wall clock) open alerts are checked against their deadlines
 * @param countMethod          the aberration method for daily counts (a name of AberrationMethods)
 * @param countHistoryDays     days of history given to it before the judged day
 * @param countMinEvents       fewest events on a day before a count alarm becomes an alert
 * @param dayCloseGrace        how long after a day's end (stream time) it is judged: time for late reports
 * @param deadlines            time allowed to acknowledge and close an alert, by level
 * @param levels               the numeric thresholds of the alert-level policy
 * @param weeklyCountMethod    the method for weekly sums of the same counts, judged when an ISO week
 *                             closes ("farrington-flexible", the improved Farrington of Noufaily et al.
 *                             2013 with R's defaults: needs 5 years of weekly history), or "none"
 * @param clusterExposureWindow the window within which all cases of one outbreak episode may have been
 *                             exposed (one day's meals); see {@link org.foodrisk.detect.OutbreakDefinition}
 * @param foodHazard           the food × hazard pass-rate chart (sampling.food-hazard-cluster)
 * @param countMethodOptions   options of the daily method, named as R and the backtest CLI name them
 *                             ({@code min-sigma}, {@code alpha}, {@code baseline} …); absent ones take R's
 *                             defaults. The default {@code min-sigma 0.5} belongs to the default EARS C2: a
 *                             configuration that names another count-method without options gets R's defaults
 * @param weeklyCountMethodOptions the same for the weekly method (R's defaults unless set)
 * @param countBaseline        "comparable-days" (judge a day against earlier days of its own day type,
 *                             holidays and the return after them left out; {@link org.foodrisk.detect.ComparableDays})
 *                             or "consecutive-days" (R's series of consecutive days)
 * @param time                 the arrival-time clock: ticks, idle partitions, how far back days are judged again
 * @param disposal             time allowed to take a 核查处置 case to 已处置, by sampling program
 *                             ({@code foodrisk.disposal.deadlines.*}, like the alerts' deadlines no JSON form)
 */
public record TopologySettings(
        ZoneId zone,
        Duration futureTolerance,
        Duration failureRateWindow,
        int failureRateMinSamples,
        double failureRateAlpha,
        Map<String, Double> defaultPassRates,
        double defaultPassRate,
        Duration repeatOffenderWindow,
        int repeatOffenderMinFailures,
        Duration clusterGap,
        int clusterMinCases,
        Duration complaintWindow,
        int complaintMinCount,
        double opinionAlpha,
        int opinionMinPosts,
        long rumourMinReach,
        Duration fusionWindow,
        int fusionMinSignals,
        Duration overdueCheckEvery,
        String countMethod,
        int countHistoryDays,
        int countMinEvents,
        Duration dayCloseGrace,
        org.foodrisk.alert.DeadlinePolicy deadlines,
        org.foodrisk.detect.LevelPolicy levels,
        String weeklyCountMethod,
        Duration clusterExposureWindow,
        FoodHazardSettings foodHazard,
        Map<String, String> countMethodOptions,
        Map<String, String> weeklyCountMethodOptions,
        String countBaseline,
        TimeModel time,
        org.foodrisk.disposal.DisposalDeadlines disposal) {

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

    public static TopologySettings defaults() {
        return new TopologySettings(ZoneId.of("Asia/Shanghai"), Duration.ofDays(1), Duration.ofDays(30), 20, 0.01,
                // Plan targets where plans set them (农产品 ≥97%, 乳制品 ≥99%); 95% elsewhere, below the
                // national 2023 pass rate of 97.27% so that an average district does not alarm.
                Map.of("食用农产品", 97.0, "乳制品", 99.0, "婴幼儿配方食品", 99.0), 95.0,
                Duration.ofDays(90), 2,
                Duration.ofHours(72), 2,
                Duration.ofDays(30), 2,
                0.025, 3, 100_000,
                Duration.ofDays(7), 3, Duration.ofMinutes(1),
                // EARS C2 on daily counts: eligible from 7 days of history (United4Surveillance).
                "ears-c2", 28, 3, Duration.ofDays(1), org.foodrisk.alert.DeadlinePolicy.defaults(),
                org.foodrisk.detect.LevelPolicy.defaults(), "farrington-flexible", Duration.ofHours(24),
                FoodHazardSettings.defaults(), DEFAULT_COUNT_METHOD_OPTIONS, Map.of(), "comparable-days",
                TimeModel.defaults(), org.foodrisk.disposal.DisposalDeadlines.defaults());
    }

    public TopologySettings withZone(ZoneId newZone) {
        return new TopologySettings(newZone, futureTolerance, failureRateWindow, failureRateMinSamples,
                failureRateAlpha, defaultPassRates, defaultPassRate, repeatOffenderWindow, repeatOffenderMinFailures,
                clusterGap, clusterMinCases, complaintWindow, complaintMinCount, opinionAlpha, opinionMinPosts,
                rumourMinReach, fusionWindow, fusionMinSignals, overdueCheckEvery, countMethod, countHistoryDays,
                countMinEvents, dayCloseGrace, deadlines, levels, weeklyCountMethod, clusterExposureWindow, foodHazard,
                countMethodOptions, weeklyCountMethodOptions, countBaseline, time, disposal);
    }

    public TopologySettings withDeadlines(org.foodrisk.alert.DeadlinePolicy newDeadlines) {
        return new TopologySettings(zone, futureTolerance, failureRateWindow, failureRateMinSamples,
                failureRateAlpha, defaultPassRates, defaultPassRate, repeatOffenderWindow, repeatOffenderMinFailures,
                clusterGap, clusterMinCases, complaintWindow, complaintMinCount, opinionAlpha, opinionMinPosts,
                rumourMinReach, fusionWindow, fusionMinSignals, overdueCheckEvery, countMethod, countHistoryDays,
                countMinEvents, dayCloseGrace, newDeadlines, levels, weeklyCountMethod, clusterExposureWindow, foodHazard,
                countMethodOptions, weeklyCountMethodOptions, countBaseline, time, disposal);
    }

    public TopologySettings withTime(TimeModel newTime) {
        return new TopologySettings(zone, futureTolerance, failureRateWindow, failureRateMinSamples,
                failureRateAlpha, defaultPassRates, defaultPassRate, repeatOffenderWindow, repeatOffenderMinFailures,
                clusterGap, clusterMinCases, complaintWindow, complaintMinCount, opinionAlpha, opinionMinPosts,
                rumourMinReach, fusionWindow, fusionMinSignals, overdueCheckEvery, countMethod, countHistoryDays,
                countMinEvents, dayCloseGrace, deadlines, levels, weeklyCountMethod, clusterExposureWindow, foodHazard,
                countMethodOptions, weeklyCountMethodOptions, countBaseline, newTime, disposal);
    }

    public TopologySettings withDisposal(org.foodrisk.disposal.DisposalDeadlines newDisposal) {
        return new TopologySettings(zone, futureTolerance, failureRateWindow, failureRateMinSamples,
                failureRateAlpha, defaultPassRates, defaultPassRate, repeatOffenderWindow, repeatOffenderMinFailures,
                clusterGap, clusterMinCases, complaintWindow, complaintMinCount, opinionAlpha, opinionMinPosts,
                rumourMinReach, fusionWindow, fusionMinSignals, overdueCheckEvery, countMethod, countHistoryDays,
                countMinEvents, dayCloseGrace, deadlines, levels, weeklyCountMethod, clusterExposureWindow, foodHazard,
                countMethodOptions, weeklyCountMethodOptions, countBaseline, time, newDisposal);
    }
}
