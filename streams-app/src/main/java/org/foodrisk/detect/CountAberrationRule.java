package org.foodrisk.detect;

import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PointStatus;
import org.foodrisk.detect.aberration.PoissonGammaPredictive;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.Period;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Count aberrations of a closed day: {@code illness.aberration} (cases), {@code complaint.spike}
 * (complaints) and {@code sampling.aberration} (failed samples) per district × category, judged
 * by a statistical method (default EARS C2, Hutwagner et al. 2003, as R surveillance::earsC —
 * eligible from 7 days of history, United4Surveillance signal-detection-tool).
 *
 * <p>EARS as in R alarms on a single case when the baseline is all zeros (its sd is 0): production
 * runs it with {@code min-sigma 0.5} ({@code CountAberrationSettings.DEFAULT_COUNT_METHOD_OPTIONS}), and like
 * ESSENCE an alarm needs at least {@code minCount} events on the day before it becomes an alert. Which
 * earlier days form the series is {@link ComparableDays}' choice (days of the same type, holidays left out).
 * Measured false alarms: docs/evaluation.md, "Sparse daily counts, weekdays and holidays (2026-12-06)".
 * Level: BLUE on alarm; YELLOW when the count is at least twice the threshold; illness one
 * level higher (people are already ill).
 *
 * <p>The series are per district × food category, or — for illness only — per district ×
 * syndrome (胃肠道, 神经系统 …): most case reports name no food, and a handful of 神经系统 cases
 * (botulism, toxic mushrooms) is an aberration that the district's all-syndrome count would hide.
 */
public final class CountAberrationRule {

    /** What the second part of a series key is. */
    public enum Dimension { FOOD_CATEGORY, SYNDROME }

    private static final Map<SignalType, String> KINDS = Map.of(
            SignalType.ILLNESS, "illness.aberration",
            SignalType.COMPLAINT, "complaint.spike",
            SignalType.SAMPLING, "sampling.aberration");

    /** Null for a rule that only words verdicts judged elsewhere ({@link #describing}). */
    private final AberrationMethod method;
    private final String methodName;
    private final String methodCitation;
    private final int historyDays;
    private final long minCount;
    private final Dimension dimension;
    private final LevelPolicy levels;
    private final Frequency frequency;
    /** The largest predictive tail a daily alarm may have ({@link #withBudget}); 1 = no budget. */
    private final double budgetAlpha;

    public CountAberrationRule(AberrationMethod method, int historyDays, long minCount) {
        this(method, historyDays, minCount, Dimension.FOOD_CATEGORY, LevelPolicy.defaults());
    }

    public CountAberrationRule(AberrationMethod method, int historyDays, long minCount, Dimension dimension,
                               LevelPolicy levels) {
        this(method, historyDays, minCount, dimension, levels, Frequency.DAY);
    }

    /**
     * @param historyPeriods periods (days or weeks) of history given to the method before the judged one
     * @param frequency      DAY (judged when a day closes) or WEEK (an ISO week, judged when its Sunday closes)
     */
    public CountAberrationRule(AberrationMethod method, int historyPeriods, long minCount, Dimension dimension,
                               LevelPolicy levels, Frequency frequency) {
        this(method, method.name(), method.citation(), historyPeriods, minCount, dimension, levels, frequency, 1.0);
    }

    private CountAberrationRule(AberrationMethod method, String methodName, String methodCitation, int historyPeriods,
                                long minCount, Dimension dimension, LevelPolicy levels, Frequency frequency,
                                double budgetAlpha) {
        this.budgetAlpha = budgetAlpha;
        this.frequency = frequency;
        this.levels = levels;
        this.method = method;
        this.methodName = methodName;
        this.methodCitation = methodCitation;
        this.historyDays = historyPeriods;
        this.minCount = minCount;
        this.dimension = dimension;
    }

    /**
     * A daily rule of food-category series whose verdicts are made elsewhere — the pooled model across districts
     * ({@code org.foodrisk.topology.PooledAberrationProcessor}) — and handed to {@link #evaluatePoint}: it applies
     * the minimum count and the levels, and words the alert exactly as a per-series method's.
     */
    public static CountAberrationRule describing(String methodName, String citation, long minCount, LevelPolicy levels) {
        return describing(methodName, citation, minCount, levels, Frequency.DAY);
    }

    /** The same for days or, with {@code WEEK}, for ISO weeks (a point's date is the week's Monday). */
    public static CountAberrationRule describing(String methodName, String citation, long minCount, LevelPolicy levels,
                                                 Frequency frequency) {
        return new CountAberrationRule(null, methodName, citation, 0, minCount, Dimension.FOOD_CATEGORY, levels,
                frequency, 1.0);
    }

    /**
     * This daily rule with a false-alarm budget (issue 19): a day the method alarms on becomes an alert only when its
     * count is also improbable given the days it is compared with — the Poisson–gamma predictive tail, widened by the
     * days' own extra-Poisson variation ({@link PoissonGammaPredictive#upperTail(long[], long)}), at most {@code alpha}, which the settings derive from the budget as
     * {@code budget per district-week / (series per district × 7)} (Bonferroni over a district's series-days). The
     * method's threshold still applies: the budget only removes alarms, it never adds one. The tail becomes the
     * detection's {@code pValue}. A weekly rule keeps its method's own calibration (Farrington's alpha).
     *
     * @param alpha the largest tail an alert may have, in (0, 1]; 1 spends no budget (every alarm passes)
     */
    public CountAberrationRule withBudget(double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("a budget's alpha is in (0, 1]: " + alpha);
        }
        if (frequency != Frequency.DAY || method == null) {
            throw new IllegalStateException("only a daily per-series rule spends the budget");
        }
        return new CountAberrationRule(method, methodName, methodCitation, historyDays, minCount, dimension, levels,
                frequency, alpha);
    }

    /** The largest predictive tail a daily alarm may have (1: no budget). */
    public double budgetAlpha() {
        return budgetAlpha;
    }

    public boolean watches(SignalType type) {
        return dimension == Dimension.SYNDROME ? type == SignalType.ILLNESS : KINDS.containsKey(type);
    }

    /** Periods (days, or weeks for a weekly rule) of history before the judged one. */
    public int historyDays() {
        return historyDays;
    }

    public Frequency frequency() {
        return frequency;
    }

    /**
     * Judges the last day of {@code series} (its earlier days are history).
     *
     * @param seriesKey "districtCode|category" (or "districtCode|syndrome") as the aggregation keys it
     * @param lastDay   the line list of the judged day
     */
    public Optional<Detection> evaluate(SignalType type, String seriesKey, CountSeries series,
                                        List<Evidence> lastDay, ZoneId zone) {
        Optional<Verdict> verdict = judge(type, series);
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        String districtCode = seriesKey.substring(0, seriesKey.indexOf('|'));
        if ("?".equals(districtCode)) {
            // Records that named no district (and whose text named none) cannot go to anyone's desk.
            return Optional.empty();
        }
        return Optional.of(describe(type, districtCode, seriesKey.substring(seriesKey.indexOf('|') + 1),
                verdict.get(), lastDay, zone));
    }

    /**
     * Whether a period with {@code observed} events can never become an alert, whatever its history: fewer
     * than {@code minCount} (see {@link #judge}). Lets a caller skip reading the history of such a period.
     */
    public boolean cannotAlarmOn(long observed) {
        return observed < minCount;
    }

    /** The statistical decision on a series' last period: the method's point that alarmed, and the level it earns. */
    record Verdict(DetectionPoint point, AlertLevel level) {
    }

    /**
     * The method's verdict on the last period of {@code series}: an alarm of at least {@code minCount} events,
     * or nothing (not evaluated — too short a series — or no alarm).
     */
    Optional<Verdict> judge(SignalType type, CountSeries series) {
        List<DetectionPoint> points = method.detect(series, series.size() - 1);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        DetectionPoint point = points.get(points.size() - 1);
        if (budgetAlpha < 1 && point.status() == PointStatus.EVALUATED && point.alarm() && series.size() > 1) {
            long[] counts = series.counts();
            double tail = PoissonGammaPredictive.upperTail(Arrays.copyOf(counts, counts.length - 1), point.observed());
            point = new DetectionPoint(point.date(), point.observed(), point.expected(), point.threshold(),
                    point.statistic(), tail, tail <= budgetAlpha, point.status());
        }
        return verdictOn(type, point);
    }

    /**
     * The alert for a point judged elsewhere (the pooled model's verdict on one district's day), under the same
     * conditions as a method's own point: evaluated, an alarm, at least {@code minCount} events.
     *
     * @param seriesKey "districtCode|category"
     */
    public Optional<Detection> evaluatePoint(SignalType type, String seriesKey, DetectionPoint point,
                                             List<Evidence> lastDay, ZoneId zone) {
        Optional<Verdict> verdict = verdictOn(type, point);
        String districtCode = seriesKey.substring(0, seriesKey.indexOf('|'));
        if (verdict.isEmpty() || "?".equals(districtCode)) {
            return Optional.empty();
        }
        return Optional.of(describe(type, districtCode, seriesKey.substring(seriesKey.indexOf('|') + 1),
                verdict.get(), lastDay, zone));
    }

    private Optional<Verdict> verdictOn(SignalType type, DetectionPoint point) {
        if (point.status() != PointStatus.EVALUATED || !point.alarm() || point.observed() < minCount) {
            return Optional.empty();
        }
        AlertLevel level = levels.countAberration(point.observed(), point.threshold());
        if (type == SignalType.ILLNESS) {
            level = level.raise();
        }
        return Optional.of(new Verdict(point, level));
    }

    /**
     * The alert's words for a verdict: the district's name, the period's label, the headline, the detector's
     * numbers and the recommended actions.
     *
     * @param second the series key's second part: a food category, or a syndrome for a rule by syndrome
     */
    private Detection describe(SignalType type, String districtCode, String second, Verdict verdict,
                               List<Evidence> lastDay, ZoneId zone) {
        DetectionPoint point = verdict.point();
        String kind = KINDS.get(type);
        boolean bySyndrome = dimension == Dimension.SYNDROME;
        String category = bySyndrome ? "?" : second;
        String districtName = Districts.byCode(districtCode).map(District::name).orElse(districtCode);
        LocalDate day = point.date();
        boolean weekly = frequency == Frequency.WEEK;
        LocalDate end = weekly ? day.plusWeeks(1) : day.plusDays(1);
        String when = weekly ? Period.weekOf(day).id() + "当周" : day + "当日";
        String what = switch (type) {
            case ILLNESS -> bySyndrome ? second + "症候群食源性疾病病例" : "食源性疾病病例";
            case COMPLAINT -> "投诉举报";
            default -> "抽检不合格批次";
        };
        // A silent baseline has a threshold of 0: say it is a first signal (issue 16). The method is named in
        // the detector's numbers, in the dashboard's words, not as an identifier inside the Chinese headline.
        String beyond = point.threshold() < 0.05 ? "基线期内为0，首次出现"
                : String.format(Locale.ROOT, "超过预警阈值%.1f", point.threshold());
        String headline = String.format(Locale.ROOT, "%s%s%s异常：%s%d起，%s", districtName,
                "?".equals(category) ? "" : category, what, when, point.observed(), beyond);
        DetectorNumbers numbers = new DetectorNumbers(methodName, (double) point.observed(), point.expected(),
                point.threshold(), nanToNull(point.statistic()), nanToNull(point.pValue()), budgetAlpha < 1
                ? methodCitation + String.format(Locale.ROOT, "; alert budget: pValue = predictive upper tail of the"
                        + " day's count from its comparable days (Poisson-gamma, Jeffreys prior, widened by their extra-Poisson"
                        + " variance) <= %.3g", budgetAlpha)
                : methodCitation);
        // A weekly aberration is its own risk beside the daily one of the same series (another method, another scale).
        String dedupKey = CountSeriesKey.of(kind, districtCode, bySyndrome ? second : category, bySyndrome, weekly);
        return Detection.of(kind, dedupKey, verdict.level(), type)
                .district(districtCode.equals(districtName) ? null : districtCode, districtName)
                .food("?".equals(category) ? null : category, null)
                .window(day.atStartOfDay(zone).toOffsetDateTime(), end.atStartOfDay(zone).toOffsetDateTime())
                .detector(numbers)
                .evidence(lastDay)
                .headline(headline)
                .recommendedActions(switch (type) {
                    case ILLNESS -> List.of("核实病例信息，开展流行病学调查，查找共同暴露因素", "加强哨点医院病例监测和报告");
                    case COMPLAINT -> List.of("梳理投诉举报集中反映的问题和涉及主体", "组织针对性监督检查");
                    default -> List.of("分析不合格原因和共同来源", "加大该类食品抽检和核查处置力度");
                })
                .build();
    }

    private static Double nanToNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
