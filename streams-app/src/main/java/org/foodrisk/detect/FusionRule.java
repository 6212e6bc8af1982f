package org.foodrisk.detect;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.foodrisk.ingest.SignalType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code fusion}: signals about the same food in one district × category from two or more streams inside one
 * window (default 7 days) are one risk, not several (DESIGN "Fusion": a failing 韭菜 sample, complaints about 韭菜
 * and a 微博 spike about 韭菜 in the same week) — when together they are unusual for that food there.
 *
 * <p><b>Method: per-stream Poisson tails against each stream's own baseline, combined by Fisher's method</b>
 * (R. A. Fisher, Statistical Methods for Research Workers, 1932, §21.1; as a consensus method across surveillance
 * data streams: H. S. Burkom et al., "Public health monitoring tools for multiple data streams", MMWR 54 (Suppl),
 * 2005). For each stream s (failed samples, illness cases, complaints, opinion posts) with n_s signals about the
 * food in the window: its expected count E_s = (b_s + ½) / d × w, where b_s is the stream's signals about the food
 * in that district × category over the d baseline days before the window (d = the configured baseline, 84 days,
 * or the days the service has known the key when fewer, at least one: the prior half event spread over the few days
 * known makes a new key's baseline high, so a service's first weeks do not call every common food rare), w the
 * window's days and ½ a prior half event, so that a food never seen in a long baseline is rare, not impossible.
 * p_s = P(Poisson(E_s) ≥ n_s), and p = 1 for a stream without signals. Fisher's X = −2 Σ ln p_s over all four streams
 * the service takes, and the combined probability P(χ²(8) ≥ X) at most {@code alpha} (0.001); besides, fusion needs
 * two or more streams each unusual on its own (p_s at most {@code streamAlpha}, 0.1 — one extreme stream is its own
 * detector's alert, not a fusion) and at least {@code minSignals} signals in them.
 *
 * <p>Why not count streams (what this rule did until 2026-12-07, issue 19): common foods coincide by chance — 猪肉
 * has complaints and posts every week — and one failed sample of any hazard counted as strong, so three ordinary
 * streams made RED, the level of a banned veterinary drug. Why all four streams in the degrees of freedom: a first
 * version combined only the streams that had signals and were unusual, choosing them after seeing them, and on
 * simulated outbreak-free traffic alarmed about three times as often as its alpha; with the streams fixed, the
 * combined probability is a valid test under independence (a stream without signals adds p = 1, conservative for
 * discrete counts) and the extra conditions only remove alarms. Each arriving signal is one such test, so a
 * food-week's false alarms are at most alpha times its signals (FusionCalibrationTest).
 *
 * <p>The alert's evidence is every signal about the food in the window; its figures ({@code observed},
 * {@code expected}, the note) are the contributing streams'.
 *
 * <p>Level: YELLOW, ORANGE when the combined probability is at most {@link LevelPolicy#fusionOrangeP()}; one level
 * up when the hazard is severe — a contributing failed sample with a banned or severe substance, or people ill (the
 * illness stream contributes). RED only so.
 */
public final class FusionRule {

    public static final String KIND = "fusion";

    /** The prior half event of each stream's baseline. */
    private static final double PRIOR_EVENTS = 0.5;
    /** The streams combined: all the service takes, whether or not they have signals in the window. */
    private static final int STREAMS = SignalType.values().length;

    private final Duration window;
    private final int minSignals;
    private final double alpha;
    private final double streamAlpha;
    private final Duration baseline;
    private final LevelPolicy levels;
    private final ZoneId zone;

    /** @param zone whose dates the baseline counts days in */
    public FusionRule(Duration window, int minSignals, double alpha, double streamAlpha, Duration baseline,
                      LevelPolicy levels, ZoneId zone) {
        if (!(alpha > 0 && alpha < 1) || !(streamAlpha > 0 && streamAlpha <= 1)) {
            throw new IllegalArgumentException("fusion alpha and stream alpha must be probabilities: " + alpha + ", "
                    + streamAlpha);
        }
        if (window.toDays() < 1 || baseline.toDays() < 2) {
            throw new IllegalArgumentException("fusion window (≥ 1 day) and baseline (≥ 2 days) too short: " + window
                    + ", " + baseline);
        }
        this.window = window;
        this.minSignals = minSignals;
        this.alpha = alpha;
        this.streamAlpha = streamAlpha;
        this.baseline = baseline;
        this.levels = levels;
        this.zone = zone;
    }

    public Duration window() {
        return window;
    }

    /** How long signals stay in the day counts after they leave the window's evidence. */
    public Duration baseline() {
        return baseline;
    }

    public ZoneId zone() {
        return zone;
    }

    /** One stream's evidence in the window: its signals, the count expected from its baseline, the tail. */
    record StreamEvidence(String type, List<RecentSignals.Notable> signals, int baselineCount, long baselineDays,
                          double expected, double pValue) {
        int observed() {
            return signals.size();
        }
    }

    public Optional<Detection> evaluate(String districtCode, String districtName, String foodCategory,
                                        RecentSignals recent, RecentSignals.Notable latest) {
        if (latest.food() == null) {
            // Category-only signals ("餐饮食品") agree by chance all the time; fusion needs a named food.
            return Optional.empty();
        }
        // The window that holds the arriving signal and ends at the newest signal about the food at most one window
        // after it: a late report of an older day is judged with what followed it, as the risk was then.
        OffsetDateTime end = latest.at();
        for (RecentSignals.Notable n : recent.signals()) {
            if (latest.food().equals(n.food()) && n.at().isAfter(end) && !n.at().isAfter(latest.at().plus(window))) {
                end = n.at();
            }
        }
        OffsetDateTime start = end.minus(window);
        Map<String, List<RecentSignals.Notable>> byStream = new LinkedHashMap<>();
        for (RecentSignals.Notable n : recent.signals()) {
            if (latest.food().equals(n.food()) && n.at().isAfter(start) && !n.at().isAfter(end)) {
                byStream.computeIfAbsent(n.type(), t -> new ArrayList<>()).add(n);
            }
        }
        if (byStream.size() < 2) {
            return Optional.empty();
        }
        // The baseline ends before the window's first day (no signal of that day counts in both) and reaches back over
        // the days the service has known the key, at least one.
        long firstWindowDay = RecentSignals.dayOf(start, zone);
        long known = recent.since() == null ? 0 : Math.max(0, firstWindowDay - recent.since());
        long baselineDays = Math.max(1, Math.min(baseline.toDays(), known));
        List<StreamEvidence> contributing = new ArrayList<>();
        double statistic = 0;
        for (Map.Entry<String, List<RecentSignals.Notable>> stream : byStream.entrySet()) {
            StreamEvidence evidence = evidence(stream.getKey(), stream.getValue(), recent, latest.food(), firstWindowDay,
                    baselineDays);
            statistic -= 2 * Math.log(evidence.pValue());
            if (evidence.pValue() <= streamAlpha) {
                contributing.add(evidence);
            }
        }
        int signals = contributing.stream().mapToInt(StreamEvidence::observed).sum();
        if (contributing.size() < 2 || signals < minSignals) {
            return Optional.empty();
        }
        double combined = ChiSquaredDistribution.of(2.0 * STREAMS).survivalProbability(statistic);
        if (combined > alpha) {
            return Optional.empty();
        }
        List<RecentSignals.Notable> inWindow = byStream.values().stream().flatMap(List::stream).toList();
        return Optional.of(detection(districtCode, districtName, foodCategory, latest.food(), contributing, inWindow,
                statistic, combined));
    }

    private StreamEvidence evidence(String type, List<RecentSignals.Notable> signals, RecentSignals recent, String food,
                                    long firstWindowDay, long days) {
        int baselineCount = recent.countBetween(type, food, firstWindowDay - days, firstWindowDay, zone);
        double expected = (baselineCount + PRIOR_EVENTS) / days * window.toDays();
        // A tail below the smallest double (a few hundred signals of a food never seen) would make ln p infinite and the
        // alert's statistic no JSON number: the smallest positive double stands in for it.
        double pValue = Math.max(Double.MIN_VALUE, PoissonDistribution.of(expected).survivalProbability(signals.size() - 1));
        return new StreamEvidence(type, List.copyOf(signals), baselineCount, days, expected, pValue);
    }

    private Detection detection(String districtCode, String districtName, String foodCategory, String food,
                                List<StreamEvidence> contributing, List<RecentSignals.Notable> inWindow,
                                double statistic, double combined) {
        boolean severe = contributing.stream().anyMatch(e -> "illness".equals(e.type())
                || e.signals().stream().anyMatch(RecentSignals.Notable::isSevere));
        AlertLevel level = combined <= levels.fusionOrangeP() ? AlertLevel.ORANGE : AlertLevel.YELLOW;
        if (severe) {
            level = level.raise();
        }
        // Evidence: every signal about the food in the window, a stream that did not contribute included (a failed
        // sample beside a burst of complaints is what the analyst checks first); the figures are the contributors'.
        List<RecentSignals.Notable> related = inWindow.stream()
                .sorted(Comparator.comparing((RecentSignals.Notable n) -> n.at().toInstant()).thenComparing(RecentSignals.Notable::id))
                .toList();
        String district = districtCode != null ? districtCode : String.valueOf(districtName);
        int observed = contributing.stream().mapToInt(StreamEvidence::observed).sum();
        double expected = contributing.stream().mapToDouble(StreamEvidence::expected).sum();
        String streamNames = String.join("、", contributing.stream().map(e -> label(e.type())).toList());
        DetectorNumbers numbers = new DetectorNumbers("multi-stream-fusion", (double) observed, expected, alpha,
                statistic, combined, citation(contributing));
        List<Evidence> evidence = related.stream().map(n -> new Evidence(n.type(), n.id(), n.at(), n.summary())).toList();
        return Detection.of(KIND, String.join("|", KIND, district, String.valueOf(foodCategory), food), level,
                        SignalType.valueOf(related.get(0).type().toUpperCase(Locale.ROOT)))
                .district(districtCode, districtName)
                .food(foodCategory, food)
                .window(related.get(0).at(), related.get(related.size() - 1).at())
                .detector(numbers)
                .evidence(evidence)
                .headline(Objects.toString(districtName, "") + food + "多源信号融合预警（" + streamNames + "，共"
                        + observed + "条，合并p=" + String.format(Locale.ROOT, "%.1e", combined) + "）")
                .recommendedActions(List.of("组织相关部门会商研判，统筹核查" + food + "风险",
                        "对涉及的经营主体和产品开展监督检查与抽检", "加强舆情监测与风险交流"))
                .build();
    }

    private String citation(List<StreamEvidence> contributing) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Fisher合并检验（Burkom等2005多数据流监测）：各数据流%d天内该食品信号数对其自身基线（此前最多%d天，"
                        + "另加0.5条先验）的泊松上尾概率p，X=−2Σln p（无信号的数据流p=1），χ²(%d)上尾≤%s且至少两个数据流"
                        + "p≤%s即融合；下列为p≤%s的数据流：",
                window.toDays(), baseline.toDays(), 2 * STREAMS, decimal(alpha), decimal(streamAlpha),
                decimal(streamAlpha)));
        for (StreamEvidence e : contributing) {
            text.append(String.format(Locale.ROOT, "%s %d条/期望%.3f（基线%d天%d条，p=%.2e）；", label(e.type()),
                    e.observed(), e.expected(), e.baselineDays(), e.baselineCount(), e.pValue()));
        }
        text.append("statistic=X，pValue=合并概率");
        return text.toString();
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String label(String type) {
        return switch (type) {
            case "sampling" -> "抽检不合格";
            case "illness" -> "食源性疾病";
            case "complaint" -> "投诉举报";
            case "opinion" -> "舆情";
            default -> type;
        };
    }
}
