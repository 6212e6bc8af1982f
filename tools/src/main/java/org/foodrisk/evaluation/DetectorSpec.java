package org.foodrisk.evaluation;

import java.util.List;
import java.util.Map;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PooledNegativeBinomialRun;

/**
 * A detector as the benchmark runs it: an aberration method by its registry name
 * ({@code AberrationMethods.create}) with options named as the backtest CLI names them, on daily
 * counts or on their weekly sums — or the benchmark's model of fusion.
 *
 * @param label     how the report names it
 * @param method    the registry name, or {@link #FUSION}
 * @param options   method options (absent: R's defaults)
 * @param frequency DAY: the daily series; WEEK: its Monday-to-Sunday sums (an alarm is raised on the Sunday)
 */
public record DetectorSpec(String label, String method, Map<String, String> options, Frequency frequency) {

    /** The benchmark's fusion detector (see {@link Evaluation}). */
    public static final String FUSION = "fusion";
    /** The per-stream method fusion combines, and the window and quorum of streams it needs. */
    public static final String FUSION_METHOD = "ears-c2";
    public static final int FUSION_WINDOW_DAYS = 7;
    public static final int FUSION_MIN_STREAMS = 2;

    public DetectorSpec {
        options = Map.copyOf(options);
    }

    public static DetectorSpec daily(String method) {
        return new DetectorSpec(method, method, Map.of(), Frequency.DAY);
    }

    public boolean isFusion() {
        return FUSION.equals(method);
    }

    /** The pooled negative-binomial model over all districts of a stream ({@code PooledNegativeBinomialRun}). */
    public static final String POOLED = "pooled-nb";

    public boolean isPooled() {
        return POOLED.equals(method);
    }

    /** The pooled model's options, named as the backtest names them ({@code PooledNegativeBinomialRun.Options#of}). */
    PooledNegativeBinomialRun.Options pooledOptions() {
        return PooledNegativeBinomialRun.Options.of(options, frequency);
    }

    /**
     * The detectors the benchmark reports, all with R {@code surveillance}'s defaults unless the
     * label says otherwise: EARS C1/C2/C3 and the CUSUM on daily counts; the CUSUM also with a
     * seasonal GLM expectation (R {@code m = "glm"}), since R's default expectation — the mean of all
     * history — ignores season and trend; Farrington and the improved Farrington on weekly sums (R's
     * defaults, and Noufaily et al.'s recommended settings); fusion of the streams' EARS C2 alarms.
     */
    public static List<DetectorSpec> defaults() {
        return List.of(
                daily("ears-c1"),
                daily("ears-c2"),
                daily("ears-c3"),
                daily("cusum"),
                new DetectorSpec("cusum (m = glm)", "cusum", Map.of("m", "glm"), Frequency.DAY),
                new DetectorSpec("farrington (weekly)", "farrington", Map.of(), Frequency.WEEK),
                new DetectorSpec("farrington-flexible (weekly)", "farrington-flexible", Map.of(), Frequency.WEEK),
                new DetectorSpec("farrington-flexible (weekly, Noufaily 2013 settings)", "farrington-flexible",
                        Map.of("threshold-method", "nbPlugin", "no-periods", "10", "weights-threshold", "1",
                                "past-weeks-not-included", "26"), Frequency.WEEK),
                new DetectorSpec("pooled-nb (daily, alpha 0.001)", POOLED, Map.of(), Frequency.DAY),
                new DetectorSpec("pooled-nb (daily, alpha 0.01)", POOLED, Map.of("alpha", "0.01"), Frequency.DAY),
                new DetectorSpec("pooled-nb (weekly, alpha 0.01)", POOLED, Map.of("alpha", "0.01"), Frequency.WEEK),
                new DetectorSpec("pooled-nb (daily, alpha 0.01, 2 years' window, season)", POOLED,
                        Map.of("alpha", "0.01", "window", "728", "season", "true"), Frequency.DAY),
                new DetectorSpec("pooled-nb (daily, alpha 0.01, 2 years' window, season, outbreaks down-weighted)",
                        POOLED, Map.of("alpha", "0.01", "window", "728", "season", "true", "downweight", "2.58"),
                        Frequency.DAY),
                new DetectorSpec("pooled-nb (daily, alpha 0.01, 2 years' window, season, trend, outbreaks down-weighted)",
                        POOLED, Map.of("alpha", "0.01", "window", "728", "season", "true", "trend", "true",
                                "downweight", "2.58"), Frequency.DAY),
                new DetectorSpec("fusion (≥2 streams' ears-c2 within 7 days)", FUSION, Map.of(), Frequency.DAY));
    }

    /**
     * The detectors of a new district's first weeks: the {@link #defaults()} without the pooled rows of a two years'
     * window, whose season and trend a district without history cannot inform and whose fits, one pooled run per
     * judged district, would take most of the run.
     */
    public static List<DetectorSpec> forNewDistricts() {
        return defaults().stream().filter(spec -> !spec.options().containsKey("window")).toList();
    }
}
