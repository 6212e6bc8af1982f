package org.foodrisk.detect;

import org.apache.commons.statistics.distribution.TDistribution;
import org.foodrisk.ingest.SignalType;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Arrays;

/**
 * {@code opinion.spike}: 24-hour 舆情 monitoring (武清 2024 （二十六） "24小时动态监测"), as ECDC's
 * epitweetr does it for social media: every hour the reach-weighted volume of the last 24 h of a
 * district × category is compared with the 7 preceding 24-hour windows; the threshold is
 * mean + t(1 − α, n − 1) · sd · √(1 + 1/n) with α = 0.025 and n = 7 (the prediction interval of
 * the EARS-like method in epitweetr's ears_t_reweighted), with past outlying windows down-weighted
 * as epitweetr does ({@link #baseline}). At least {@code minPosts} posts are needed
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

    /** Outlier down-weighting of epitweetr: significance and decay exponent (its defaults). */
    static final double ALPHA_OUTLIER = 0.05;
    static final int K_DECAY = 4;

    /** The baseline's (down-weighted) mean and the upper threshold a window is compared with. */
    public record Baseline(double mean, double threshold) {
    }

    /** The epitweetr threshold for a baseline of weighted volumes. */
    public double threshold(double[] baseline) {
        return baseline(baseline).threshold();
    }

    /**
     * epitweetr's ears_t_reweighted (ECDC, R package epitweetr), the variant it alarms on
     * ({@code U0_dw}): a past window whose externally studentized residual exceeds
     * t(1 − 0.05, n − 2) gets the weight (t / r)^4 (the Farrington et al. 1996 down-weighting), so a
     * spike last week does not raise this week's threshold and hide a second one.
     */
    public Baseline baseline(double[] y) {
        int n = y.length;
        double[] equal = new double[n];
        Arrays.fill(equal, 1.0);
        Baseline unweighted = fit(y, equal);
        double cutoff = TDistribution.of(n - 2).inverseSurvivalProbability(ALPHA_OUTLIER);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            double othersSd = sdWithout(y, i);
            if (othersSd == 0) {
                // Every other window is equal: this one is an (infinite) outlier only if it lies above them.
                // Decided exactly, not by dividing a rounding residue by zero.
                weights[i] = y[i] > y[i == 0 ? 1 : 0] ? 0.0 : 1.0;
                continue;
            }
            double studentized = (y[i] - unweighted.mean()) / (othersSd * Math.sqrt(1 - 1.0 / n));
            weights[i] = studentized > cutoff ? Math.pow(cutoff / studentized, K_DECAY) : 1.0;
        }
        return fit(y, weights);
    }

    /** compute_threshold of ears_t_reweighted: weights scaled to sum to n, intercept-only model. */
    private Baseline fit(double[] y, double[] w) {
        int n = y.length;
        double sum = Arrays.stream(w).sum();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += w[i] / sum * n * y[i];
        }
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            squares += w[i] / sum * n * (y[i] - mean) * (y[i] - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(alpha);
        return new Baseline(mean, mean + t * sd * Math.sqrt(1 + 1.0 / n));
    }

    private static double sdWithout(double[] y, int skip) {
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            mean += i == skip ? 0 : y[i];
        }
        mean /= y.length - 1;
        double squares = 0;
        for (int i = 0; i < y.length; i++) {
            squares += i == skip ? 0 : (y[i] - mean) * (y[i] - mean);
        }
        return Math.sqrt(squares / (y.length - 2));
    }

    public Optional<Detection> evaluate(Window window) {
        if (window.posts() < minPosts) {
            return Optional.empty();
        }
        Baseline baseline = baseline(window.baseline());
        double mean = baseline.mean();
        double threshold = baseline.threshold();
        if (window.volume() <= threshold) {
            return Optional.empty();
        }
        double excess = threshold - mean;
        double ratio = excess <= 0 ? Double.POSITIVE_INFINITY : (window.volume() - mean) / excess;
        AlertLevel level = levels.opinionSpike(ratio);
        String district = window.districtCode() != null ? window.districtCode() : String.valueOf(window.districtName());
        String about = window.foodName() != null ? window.foodName() : Objects.toString(window.foodCategory(), "");
        // A silent baseline has a threshold of 0: "超过阈值0.0" told an analyst nothing (issue 16).
        String beyond = threshold < 0.05 ? "此前7个24小时窗口无相关舆情，首次出现"
                : String.format(Locale.ROOT, "超过阈值%.1f", threshold);
        String headline = String.format(Locale.ROOT, "%s%s相关舆情24小时内%d条，加权声量%.1f，%s",
                Objects.toString(window.districtName(), ""), about, window.posts(), window.volume(), beyond);
        DetectorNumbers numbers = new DetectorNumbers("epitweetr-24h", window.volume(), mean, threshold,
                (double) window.posts(), null, "epitweetr式滚动24小时检测：阈值=均值+t(0.975,6)·sd·√(1+1/7)，"
                + "基线为此前7个24小时窗口；声量按阅读量加权（1+log10(1+阅读量)）");
        return Optional.of(Detection.of(KIND, String.join("|", KIND, district, String.valueOf(window.foodCategory())),
                        level, SignalType.OPINION)
                .district(window.districtCode(), window.districtName())
                .food(window.foodCategory(), window.foodName())
                .window(window.start(), window.end())
                .detector(numbers)
                .evidence(window.evidence())
                .headline(headline)
                .recommendedActions(List.of("24小时内开展舆情研判，核实信息来源和真实性",
                        "涉及食品安全问题的，同步组织监督检查和抽检", "及时发布权威信息，回应社会关切"))
                .build());
    }

}
