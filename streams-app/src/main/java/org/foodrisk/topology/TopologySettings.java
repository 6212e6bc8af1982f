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
        FoodHazardSettings foodHazard) {

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
                FoodHazardSettings.defaults());
    }

    public TopologySettings withZone(ZoneId newZone) {
        return new TopologySettings(newZone, futureTolerance, failureRateWindow, failureRateMinSamples,
                failureRateAlpha, defaultPassRates, defaultPassRate, repeatOffenderWindow, repeatOffenderMinFailures,
                clusterGap, clusterMinCases, complaintWindow, complaintMinCount, opinionAlpha, opinionMinPosts,
                rumourMinReach, fusionWindow, fusionMinSignals, overdueCheckEvery, countMethod, countHistoryDays,
                countMinEvents, dayCloseGrace, deadlines, levels, weeklyCountMethod, clusterExposureWindow, foodHazard);
    }

    public TopologySettings withDeadlines(org.foodrisk.alert.DeadlinePolicy newDeadlines) {
        return new TopologySettings(zone, futureTolerance, failureRateWindow, failureRateMinSamples,
                failureRateAlpha, defaultPassRates, defaultPassRate, repeatOffenderWindow, repeatOffenderMinFailures,
                clusterGap, clusterMinCases, complaintWindow, complaintMinCount, opinionAlpha, opinionMinPosts,
                rumourMinReach, fusionWindow, fusionMinSignals, overdueCheckEvery, countMethod, countHistoryDays,
                countMinEvents, dayCloseGrace, newDeadlines, levels, weeklyCountMethod, clusterExposureWindow, foodHazard);
    }
}
