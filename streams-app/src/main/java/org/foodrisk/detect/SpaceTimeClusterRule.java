package org.foodrisk.detect;

import org.foodrisk.ingest.SignalType;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code illness.spacetime-cluster}: the prospective space–time permutation scan
 * ({@link SpaceTimePermutationScan}; Kulldorff et al. 2005, PLoS Med 2(3):e59) over town × onset day of
 * one district's cases that name no common exposure place, run as NYC's health department runs
 * SaTScan daily: each closed day is the scan's last day, over the {@code studyDays} before it; the
 * candidate zones are single towns (the contract gives no coordinates to draw circles with), clusters
 * last 1 … {@code maxDays} days. A cluster alerts when its p-value is at most {@code alpha}
 * (recurrence interval ≥ 1/alpha days). The alert's key is district × town × first day, so a cluster
 * that goes on is the same alert and is re-reported only when it gains a case (the alert state ignores
 * a detection that adds nothing).
 */
public final class SpaceTimeClusterRule {

    public static final String KIND = "illness.spacetime-cluster";

    private final int studyDays;
    private final int maxDays;
    private final int replicates;
    private final double alpha;

    /** Defaults: 28 days of study period, clusters up to 7 days, 999 replicates, p ≤ 0.01 (recurrence ≥ 100 days). */
    public static SpaceTimeClusterRule defaults() {
        return new SpaceTimeClusterRule(28, 7, 999, 0.01);
    }

    public SpaceTimeClusterRule(int studyDays, int maxDays, int replicates, double alpha) {
        this.studyDays = studyDays;
        this.maxDays = maxDays;
        this.replicates = replicates;
        this.alpha = alpha;
    }

    public int studyDays() {
        return studyDays;
    }

    public Optional<Detection> evaluate(String districtCode, String districtName, List<TownCases.TownCase> cases,
                                        LocalDate lastDay, ZoneId zone) {
        LocalDate studyStart = lastDay.minusDays(studyDays - 1L);
        List<SpaceTimePermutationScan.Case> scanCases = cases.stream()
                .map(c -> new SpaceTimePermutationScan.Case(c.town(), c.onsetAt().atZoneSameInstant(zone).toLocalDate()))
                .toList();
        Set<String> towns = new LinkedHashSet<>();
        scanCases.forEach(c -> towns.add(c.zone()));
        List<Set<String>> zoneSets = towns.stream().map(Set::of).toList();
        // The seed depends only on what is judged, so a replay gives the same p-value.
        long seed = (districtCode + "|" + lastDay).hashCode();
        Optional<SpaceTimePermutationScan.Cluster> found = new SpaceTimePermutationScan(maxDays, replicates, seed)
                .scan(scanCases, studyStart, lastDay, zoneSets);
        if (found.isEmpty() || found.get().pValue() > alpha) {
            return Optional.empty();
        }
        SpaceTimePermutationScan.Cluster cluster = found.get();
        String town = String.join("、", cluster.zones());
        List<Evidence> evidence = cases.stream()
                .filter(c -> cluster.zones().contains(c.town()))
                .filter(c -> {
                    LocalDate day = c.onsetAt().atZoneSameInstant(zone).toLocalDate();
                    return !day.isBefore(cluster.start()) && !day.isAfter(cluster.end());
                })
                .map(c -> new Evidence("illness", c.id(), c.onsetAt(), c.summary())).toList();
        AlertLevel level = cluster.pValue() <= alpha / 10 ? AlertLevel.ORANGE : AlertLevel.YELLOW;
        String period = cluster.start().equals(cluster.end()) ? cluster.end().toString()
                : cluster.start() + "至" + cluster.end();
        String headline = (districtName == null ? "" : districtName) + town + period + "发生" + cluster.observed()
                + "例食源性疾病病例时空聚集（预期" + String.format("%.1f", cluster.expected()) + "例，重现间隔约"
                + Math.round(cluster.recurrenceDays()) + "天）";
        DetectorNumbers numbers = new DetectorNumbers("space-time-permutation-scan", (double) cluster.observed(),
                cluster.expected(), alpha, cluster.logLikelihoodRatio(), cluster.pValue(),
                "前瞻性时空重排扫描统计量（Kulldorff et al. 2005, PLoS Med 2(3):e59）：街道/镇×发病日，研究期" + studyDays
                        + "天，聚集最长" + maxDays + "天，" + replicates + "次蒙特卡洛重排；statistic=对数似然比，p≤" + alpha
                        + "时预警（重现间隔≥" + Math.round(1 / alpha) + "天）");
        List<String> actions = List.of(
                "对" + town + "近期病例开展流行病学调查，排查共同饮食史、共同就餐场所和共同食品来源",
                "补充病例生物样本病原学检测，比对病原分型",
                "会商研判是否存在未报告的共同暴露场所，必要时扩大病例搜索");
        Detection detection = Detection.of(KIND, KIND + "|" + districtCode + "|" + town + "|" + cluster.start(), level,
                        SignalType.ILLNESS)
                .district(districtCode, districtName)
                .window(cluster.start().atStartOfDay(zone).toOffsetDateTime(),
                        cluster.end().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .detector(numbers)
                .evidence(evidence)
                .headline(headline)
                .recommendedActions(actions)
                .build();
        return Optional.of(detection);
    }
}
