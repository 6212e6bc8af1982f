package org.foodrisk.detect;

import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanProgressCalculator;
import org.foodrisk.plan.SamplingTotals;
import org.foodrisk.plan.TargetProgress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code plan.target-at-risk}: a district's sampling volume (抽检量, 抽检密度) is falling behind the
 * plan's annual target pro-rated to the date — YELLOW below 80% of where it should be, ORANGE
 * below 50%. Not judged in the first {@value #GRACE_DAYS} days of the year (plans start slowly
 * and a few days' shortfall says nothing). The alert goes to the task that set the target.
 */
public final class PlanTargetRule {

    public static final String KIND = "plan.target-at-risk";
    static final int GRACE_DAYS = 60;
    static final int COVERAGE_DAYS = 31;

    private final PlanProgressCalculator calculator = new PlanProgressCalculator();

    /**
     * @param dataFrom the first day of the year the service has sampling results from: a year seen
     *                 only from its middle (the service started in June, history not replayed) cannot
     *                 be judged against an annual target, so nothing is said about it
     */
    public List<Detection> evaluate(Plan plan, String districtCode, String districtName, LocalDate asOf,
                                    SamplingTotals totals, LocalDate dataFrom, ZoneId zone) {
        if (asOf.getDayOfYear() <= GRACE_DAYS || dataFrom.getDayOfYear() > COVERAGE_DAYS) {
            return List.of();
        }
        List<Detection> detections = new ArrayList<>();
        List<TargetProgress> all = calculator.progress(plan, districtCode, asOf, totals);
        for (TargetProgress progress : all) {
            if (!("抽检量".equals(progress.metric()) || "抽检密度".equals(progress.metric()))
                    || !progress.judged() || progress.reached() >= 0.8 * progress.proRated()) {
                continue;
            }
            double share = progress.proRated() == 0 ? 1 : progress.reached() / progress.proRated();
            AlertLevel level = share < 0.5 ? AlertLevel.ORANGE : AlertLevel.YELLOW;
            // A task with several targets of one metric and agency (蓟州 3.8.1: 区农委's 7400 蔬菜农残, 264 肉类 …)
            // names the target's scope too, in the headline and the dedup key; other keys stay as they were.
            boolean shared = all.stream().filter(p -> p.taskId().equals(progress.taskId())
                    && p.metric().equals(progress.metric()) && Objects.equals(p.agency(), progress.agency()))
                    .count() > 1;
            String agency = (progress.agency() == null ? "" : "（" + progress.agency() + "）")
                    + (shared ? "「" + progress.scope() + "」" : "");
            String headline = String.format(Locale.ROOT, "%s%s%s进度滞后：截至%s完成%s%s，按进度应达%s（年度目标%s）",
                    districtName, progress.metric(), agency, asOf, fmt(progress.reached()), progress.unit(),
                    fmt(progress.proRated()), fmt(progress.target()));
            DetectorNumbers numbers = new DetectorNumbers("plan-target-progress", progress.reached(), progress.proRated(),
                    0.8 * progress.proRated(), share * 100, null,
                    "年度目标按日历进度折算（" + progress.asWritten() + "）；低于应达值80%预警，低于50%为橙色");
            String dedupKey = String.join("|", KIND, districtCode, progress.taskId(), progress.metric(),
                    String.valueOf(asOf.getYear())) + (progress.agency() == null ? "" : "|" + progress.agency())
                    + (shared ? "|" + progress.scope() : "");
            detections.add(Detection.of(KIND, dedupKey, level, SignalType.SAMPLING)
                    .district(districtCode, districtName)
                    .window(asOf.withDayOfYear(1).atStartOfDay(zone).toOffsetDateTime(),
                            asOf.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                    .detector(numbers)
                    .headline(headline)
                    .recommendedActions(List.of("核查抽检计划执行进度，分析滞后原因",
                            "调整后续抽检安排，确保完成年度" + progress.metric() + "目标"))
                    .taskIds(List.of(progress.taskId()))
                    .build());
        }
        return detections;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
