package org.foodrisk.detect;

import org.apache.commons.statistics.distribution.TDistribution;
import org.foodrisk.alert.AlertLevel;
import org.foodrisk.ingest.SignalType;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code opinion.spike}: 24-hour 舆情 monitoring (武清 2024 （二十六） "24小时动态监测"), as ECDC's
 * epitweetr does it for social media: every hour the reach-weighted volume of the last 24 h of a
 * district × category is compared with the 7 preceding 24-hour windows; the threshold is
 * mean + t(1 − α, n − 1) · sd · √(1 + 1/n) with α = 0.025 and n = 7 (the prediction interval of
 * the EARS-like method in epitweetr's ears_t_reweighted; epitweetr also down-weights past
 * outliers — not done here, see the note in README). At least {@code minPosts} posts are needed
 * in the window so that one post on a quiet topic is not a spike.
 *
 * <p>Level: BLUE when above threshold, YELLOW at 1.5× the threshold's excess over the mean,
 * ORANGE at 3×.
 */
public final class OpinionSpikeRule {

    public static final String KIND = "opinion.spike";
    public static final int BASELINE_WINDOWS = 7;

    private final double alpha;
    private final int minPosts;
    private final LevelPolicy levels;

    public OpinionSpikeRule(double alpha, int minPosts) {
        this(alpha, minPosts, LevelPolicy.defaults());
    }

    public OpinionSpikeRule(double alpha, int minPosts, LevelPolicy levels) {
        this.alpha = alpha;
        this.minPosts = minPosts;
        this.levels = levels;
    }

    public record Window(String districtCode, String districtName, String foodCategory, String foodName,
                         OffsetDateTime start, OffsetDateTime end, long posts, double volume, double[] baseline,
                         List<Evidence> evidence) {
    }

    /** The epitweetr threshold for a baseline of weighted volumes. */
    public double threshold(double[] baseline) {
        int n = baseline.length;
        double mean = 0;
        for (double v : baseline) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : baseline) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(alpha);
        return mean + t * sd * Math.sqrt(1 + 1.0 / n);
    }

    public Optional<Detection> evaluate(Window window) {
        if (window.posts() < minPosts) {
            return Optional.empty();
        }
        double mean = java.util.Arrays.stream(window.baseline()).average().orElse(0);
        double threshold = threshold(window.baseline());
        if (window.volume() <= threshold) {
            return Optional.empty();
        }
        double excess = threshold - mean;
        double ratio = excess <= 0 ? Double.POSITIVE_INFINITY : (window.volume() - mean) / excess;
        AlertLevel level = levels.opinionSpike(ratio);
        String district = window.districtCode() != null ? window.districtCode() : String.valueOf(window.districtName());
        String about = window.foodName() != null ? window.foodName() : Objects.toString(window.foodCategory(), "");
        String headline = String.format(Locale.ROOT, "%s%s相关舆情24小时内%d条，加权声量%.1f，超过阈值%.1f",
                Objects.toString(window.districtName(), ""), about, window.posts(), window.volume(), threshold);
        DetectorNumbers numbers = new DetectorNumbers("epitweetr-24h", window.volume(), mean, threshold,
                (double) window.posts(), null, "epitweetr式滚动24小时检测：阈值=均值+t(0.975,6)·sd·√(1+1/7)，"
                + "基线为此前7个24小时窗口；声量按阅读量加权（1+log10(1+阅读量)）");
        return Optional.of(new Detection(KIND, String.join("|", KIND, district, String.valueOf(window.foodCategory())),
                level, SignalType.OPINION, window.districtCode(), window.districtName(), window.foodCategory(),
                window.foodName(), null, null, null, null, window.start(), window.end(), numbers, window.evidence(),
                headline, List.of("24小时内开展舆情研判，核实信息来源和真实性",
                        "涉及食品安全问题的，同步组织监督检查和抽检", "及时发布权威信息，回应社会关切")));
    }

}
