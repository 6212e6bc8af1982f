package org.foodrisk.detect;

import org.foodrisk.ingest.SamplingPrograms;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.CriticalHazards;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sampling.food-hazard-cluster}: one food failing for one hazard class in one district more
 * often than that food × hazard usually does — 韭菜 failing for 腐霉利 at several stalls within days.
 * The district × category pass rate ({@link FailureRateRule}) cannot see it (one food's failures
 * vanish among hundreds of samples of the 大类) and neither can a count of failures (no
 * denominator).
 *
 * <p>Method: a {@link BernoulliCusum} (Reynolds &amp; Stoumbos 1999; Steiner et al. 2000) per district ×
 * food × hazard class over the results tested for that hazard, in sampling days, against the
 * food × hazard's own in-control failure probability p0 from the district's history
 * ({@link FailureBaseline}: beta-binomial posterior mean, prior from the national 2023 failure mix).
 * It signals when the chart reaches h on a day not before {@code from}. The service judges each
 * day with failures when that day closes on the watermark, over a span ending with it, so the
 * chart stands at h on the day itself; every later failure day of the same run updates the same
 * alert. The alert also states the exact binomial tail
 * P(X ≥ x | n, p0) of the run (x failures of n results since the chart last stood at 0): the
 * strength of the evidence, from which the level comes.
 *
 * <p>Level: {@link LevelPolicy#failureRate} of that tail probability (ORANGE p &lt; 0.001, YELLOW
 * p &lt; 0.01, else BLUE), one level up for a severe hazard (a finding {@link CriticalHazards} lists,
 * 非法添加, 生物毒素) or a food for vulnerable consumers (婴幼儿配方食品, 特殊医学用途配方食品).
 */
public final class FoodHazardClusterRule {

    public static final String KIND = "sampling.food-hazard-cluster";

    private static final Set<String> SEVERE_CLASSES = Set.of("非法添加", "生物毒素");
    private static final Set<String> VULNERABLE = Set.of("婴幼儿配方食品", "特殊医学用途配方食品");

    private final BernoulliCusum cusum;
    private final FailureBaseline baseline;
    private final LevelPolicy levels;

    public FoodHazardClusterRule(BernoulliCusum cusum, FailureBaseline baseline, LevelPolicy levels) {
        this.cusum = cusum;
        this.baseline = baseline;
        this.levels = levels;
    }

    /**
     * One series to judge.
     *
     * @param firstDay       the day of {@code days.get(0)}; days are consecutive
     * @param days           the span the chart runs over (an empty day is {@link FoodHazardDay#empty()})
     * @param historyTested  results tested for the hazard in the baseline period before the span
     * @param historyFailed  … of which failed it
     */
    public record Series(String districtCode, String districtName, String foodCategory, String food,
                         String hazardClass, LocalDate firstDay, List<FoodHazardDay> days, long historyTested,
                         long historyFailed) {
    }

    /** A signal: the run that reached h, its figures and failures. */
    public record Signalled(LocalDate runStart, LocalDate runEnd, double statistic, long tested, long failed,
                            double p0, double pValue, List<FoodHazardDay.Failure> failures) {
    }

    /** The chart over the series; a signal when it reaches h on {@code from} or later. */
    public Optional<Signalled> judge(Series series, LocalDate from) {
        double p0 = baseline.p0(series.hazardClass(), series.historyTested(), series.historyFailed());
        List<BernoulliCusum.Day> days = series.days().stream()
                .map(d -> new BernoulliCusum.Day(d.tested(series.hazardClass()), d.failed(series.hazardClass())))
                .toList();
        double[] path = cusum.path(days, p0);
        int fromIndex = (int) Math.max(0, from.toEpochDay() - series.firstDay().toEpochDay());
        int peak = -1;
        for (int i = fromIndex; i < path.length; i++) {
            if (peak < 0 || path[i] > path[peak]) {
                peak = i;
            }
        }
        if (peak < 0 || !cusum.signals(path[peak])) {
            return Optional.empty();
        }
        int start = peak;
        while (start > 0 && path[start - 1] > 0) {
            start--;
        }
        int end = peak;
        while (end + 1 < path.length && path[end + 1] > 0) {
            end++;
        }
        long tested = 0;
        long failed = 0;
        List<FoodHazardDay.Failure> failures = new ArrayList<>();
        for (int i = start; i <= end; i++) {
            tested += days.get(i).tested();
            failed += days.get(i).failed();
            series.days().get(i).failures().stream().filter(f -> series.hazardClass().equals(f.hazardClass()))
                    .forEach(failures::add);
        }
        return Optional.of(new Signalled(series.firstDay().plusDays(start), series.firstDay().plusDays(end),
                path[peak], tested, failed, p0, tail(tested, failed, p0), failures));
    }

    /** P(X ≥ failed | tested, p0), the exact binomial tail. */
    public static double tail(long tested, long failed, double p0) {
        if (failed <= 0) {
            return 1.0;
        }
        return BinomialDistribution.of((int) tested, p0).survivalProbability((int) failed - 1);
    }

    /** The risk an episode's alert is about: kind, district (its code, else its name), food, hazard class, episode. */
    public static String dedupKey(String districtCode, String districtName, String food, String hazardClass,
                                  String episodeId) {
        String district = districtCode != null ? districtCode : String.valueOf(districtName);
        return String.join("|", KIND, district, food, hazardClass, episodeId);
    }

    /** The detection for a signal of the episode {@code episodeId} (part of the dedup key). */
    public Detection detection(Series series, Signalled signal, String episodeId, ZoneId zone) {
        String dedupKey = dedupKey(series.districtCode(), series.districtName(), series.food(), series.hazardClass(),
                episodeId);
        Set<String> items = new LinkedHashSet<>();
        Set<String> businesses = new LinkedHashSet<>();
        boolean severe = SEVERE_CLASSES.contains(series.hazardClass());
        for (FoodHazardDay.Failure failure : signal.failures()) {
            for (String item : failure.items().split("、")) {
                if (!item.isBlank()) {
                    items.add(item);
                    severe |= CriticalHazards.classify(item, series.hazardClass(), series.foodCategory()).isPresent();
                }
            }
            if (failure.enterprise() != null) {
                businesses.add(failure.enterprise());
            }
        }
        AlertLevel level = levels.failureRate(signal.pValue());
        if (severe || VULNERABLE.contains(series.foodCategory())) {
            level = level.raise();
        }
        String itemText = items.isEmpty() ? "" : "（" + String.join("、", items) + "）";
        String headline = String.format(Locale.ROOT,
                "%s%s%s%s不合格聚集：%s起%d批次中%d批次不合格%s，本地基线不合格率%.1f%%",
                Objects.toString(series.districtName(), ""), series.food(), series.hazardClass(), itemText,
                signal.runStart(), signal.tested(), signal.failed(),
                businesses.isEmpty() ? "" : "，涉及" + businesses.size() + "家经营者", 100 * signal.p0());
        DetectorNumbers numbers = new DetectorNumbers("food-hazard-bernoulli-cusum", (double) signal.failed(),
                signal.tested() * signal.p0(), cusum.threshold(), signal.statistic(), signal.pValue(),
                String.format(Locale.ROOT, "Bernoulli CUSUM（Reynolds & Stoumbos 1999；Steiner et al. 2000）：按抽样日累计"
                                + "对数似然比，p0=%.4f（本区该食品×危害历史的贝塔-二项后验均值，先验为2023年全国不合格构成），"
                                + "检测不合格比值升至%.0f倍，S≥h=%.1f报警；observed=本轮不合格批次，expected=本轮检测批次×p0，"
                                + "statistic=S，pValue=本轮精确二项尾概率P(X≥observed)。%s",
                        signal.p0(), cusum.oddsRatio(), cusum.threshold(), SamplingPrograms.COUNTED));
        List<Evidence> evidence = signal.failures().stream()
                .map(f -> new Evidence("sampling", f.id(), f.at(), f.summary())).toList();
        String food = series.food();
        List<String> actions = List.of(
                "对涉及的" + (businesses.isEmpty() ? "" : businesses.size() + "家") + "经营者" + food
                        + "不合格产品开展核查处置，追溯进货来源和流向",
                "排查共同供货来源（批发市场、种植养殖基地），涉及产地的通报农业农村部门",
                "对" + food + series.hazardClass() + "项目开展专项跟踪抽检，扩大抽检覆盖面");
        return Detection.of(KIND, dedupKey, level, SignalType.SAMPLING)
                .district(series.districtCode(), series.districtName())
                .food(series.foodCategory(), food)
                .hazard(series.hazardClass(), items.size() == 1 ? items.iterator().next() : null)
                .window(signal.runStart().atStartOfDay(zone).toOffsetDateTime(),
                        signal.runEnd().plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .detector(numbers)
                .evidence(evidence)
                .headline(headline)
                .recommendedActions(actions)
                .build();
    }
}
