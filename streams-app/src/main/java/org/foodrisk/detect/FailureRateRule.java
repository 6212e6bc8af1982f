package org.foodrisk.detect;

import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.plan.PassRateTarget;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.foodrisk.ingest.SignalType;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code sampling.failure-rate}: the pass rate of a district × category over a rolling window
 * is below the plan's target.
 *
 * <p>Method: a one-sided exact binomial test. Under H0 the true failure probability is the one
 * the target allows (p0 = 1 − target); the p-value is P(X ≥ x | n, p0), the probability of at
 * least the observed failures if the district met its target. It alarms when the observed pass
 * rate is below target, n reaches a minimum, and p &lt; alpha. The test matters because a pass
 * rate on a handful of samples is noise: 1 failure in 10 is a 90% pass rate, yet quite likely
 * (p≈0.26) for a district that meets 97%, and an alert on it would be a false alarm.
 *
 * <p>Level from the strength of the evidence: p &lt; 0.001 ORANGE, p &lt; 0.01 YELLOW, otherwise BLUE;
 * one level up for 婴幼儿配方食品 and 特殊医学用途配方食品 (vulnerable consumers).
 */
public final class FailureRateRule {

    public static final String KIND = "sampling.failure-rate";

    private final int minSamples;
    private final double alpha;
    private final LevelPolicy levels;

    public FailureRateRule(int minSamples, double alpha) {
        this(minSamples, alpha, LevelPolicy.defaults());
    }

    public FailureRateRule(int minSamples, double alpha, LevelPolicy levels) {
        this.minSamples = minSamples;
        this.alpha = alpha;
        this.levels = levels;
    }

    public record Window(String districtCode, String districtName, String foodCategory, OffsetDateTime start,
                         OffsetDateTime end, long tested, long failed, List<Evidence> failures) {
    }

    /** The one-sided p-value P(X ≥ failed | tested, 1 − target). */
    public static double pValue(long tested, long failed, double targetPercent) {
        if (failed <= 0) {
            return 1.0;
        }
        double p0 = 1.0 - targetPercent / 100.0;
        if (p0 <= 0) {
            return 0.0;
        }
        BinomialDistribution distribution = BinomialDistribution.of((int) tested, p0);
        return distribution.survivalProbability((int) failed - 1);
    }

    public Optional<Detection> evaluate(Window window, PassRateTarget target) {
        if (window.tested() < minSamples || window.tested() == 0) {
            return Optional.empty();
        }
        double passRate = 100.0 * (window.tested() - window.failed()) / window.tested();
        if (passRate >= target.percent()) {
            return Optional.empty();
        }
        double p = pValue(window.tested(), window.failed(), target.percent());
        if (p >= alpha) {
            return Optional.empty();
        }
        AlertLevel level = levels.failureRate(p);
        if ("婴幼儿配方食品".equals(window.foodCategory()) || "特殊医学用途配方食品".equals(window.foodCategory())) {
            level = level.raise();
        }
        String district = window.districtCode() != null ? window.districtCode() : String.valueOf(window.districtName());
        String dedupKey = String.join("|", KIND, district, String.valueOf(window.foodCategory()));
        String headline = String.format(Locale.ROOT, "%s%s抽检合格率%.1f%%，低于目标%.1f%%（%d批次中%d批次不合格）",
                Objects.toString(window.districtName(), ""), Objects.toString(window.foodCategory(), ""), passRate, target.percent(),
                window.tested(), window.failed());
        DetectorNumbers numbers = new DetectorNumbers("pass-rate-binomial",
                (double) window.failed(), window.tested() * (1 - target.percent() / 100.0),
                target.percent(), passRate, p,
                "单侧精确二项检验：H0 合格率≥目标值（" + (target.fromPlan() ? "计划目标：" + target.asWritten()
                        : "默认目标") + "）；observed=不合格批次，expected=按目标允许的不合格批次，threshold=目标合格率%，statistic=实际合格率%；"
                        + SamplingPrograms.COUNTED);
        List<String> actions = List.of(
                "对" + Objects.toString(window.districtName(), "") + Objects.toString(window.foodCategory(), "") + "开展不合格原因分析，研判风险",
                "加大该类食品抽检频次和覆盖面，开展跟踪抽检",
                "督促不合格产品核查处置，确保核查处置率100%");
        return Optional.of(Detection.of(KIND, dedupKey, level, SignalType.SAMPLING)
                .district(window.districtCode(), window.districtName())
                .food(window.foodCategory(), null)
                .window(window.start(), window.end())
                .detector(numbers)
                .evidence(window.failures())
                .headline(headline)
                .recommendedActions(actions)
                .build());
    }

}
