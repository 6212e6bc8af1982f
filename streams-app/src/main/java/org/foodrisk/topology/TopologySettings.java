package org.foodrisk.topology;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the topology's behaviour depends on, in one place (bound from configuration under
 * {@code foodrisk.detect} by the application; tests build it directly).
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
        int repeatOffenderMinFailures) {

    public static TopologySettings defaults() {
        return new TopologySettings(ZoneId.of("Asia/Shanghai"), Duration.ofDays(1), Duration.ofDays(30), 20, 0.01,
                // Plan targets where plans set them (农产品 ≥97%, 乳制品 ≥99%); 95% elsewhere, below the
                // national 2023 pass rate of 97.27% so that an average district does not alarm.
                Map.of("食用农产品", 97.0, "乳制品", 99.0, "婴幼儿配方食品", 99.0), 95.0,
                Duration.ofDays(90), 2);
    }
}
