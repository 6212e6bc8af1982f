package org.foodrisk.topology;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the pass-rate detector ({@code sampling.failure-rate}), configured as
 * {@code foodrisk.detect.<kebab-case of a component>} (e.g. {@code failure-rate-min-samples: 30},
 * {@code default-pass-rates.饮料: 98.5}).
 *
 * @param failureRateWindow     length of the rolling pass-rate window
 * @param failureRateMinSamples fewest results in a window before a pass rate is judged
 * @param failureRateAlpha      significance level of the one-sided binomial test
 * @param defaultPassRates      pass-rate targets by category where no plan sets one (a category configured here
 *                              is added to them, the others stay)
 * @param defaultPassRate       pass-rate target for every other category
 */
public record FailureRateSettings(Duration failureRateWindow, int failureRateMinSamples, double failureRateAlpha,
                                  Map<String, Double> defaultPassRates, double defaultPassRate) {

    public static FailureRateSettings defaults() {
        return new FailureRateSettings(Duration.ofDays(30), 20, 0.01,
                // Plan targets where plans set them (农产品 ≥97%, 乳制品 ≥99%); 95% elsewhere, below the
                // national 2023 pass rate of 97.27% so that an average district does not alarm.
                Map.of("食用农产品", 97.0, "乳制品", 99.0, "婴幼儿配方食品", 99.0), 95.0);
    }
}
