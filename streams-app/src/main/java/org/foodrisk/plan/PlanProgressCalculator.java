package org.foodrisk.plan;

import org.foodrisk.reference.Districts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Progress of a district against the sampling targets of its governing plan — every 抽检量 (pro-rated
 * straight-line over the year), 抽检密度 (per thousand residents, with the 2020 census populations of
 * shared/reference/districts.md) and 合格率 target, in 批次, 份 or 个 alike.
 *
 * <p>Each target counts only the results it names ({@link TargetScope}: agency, 大类, program, foods,
 * hazards tested, 产地 / 基地), tallied per target as the results arrive ({@link TargetTally}). A target is
 * not judged while more than {@value #MAX_UNPLACED_PERCENT}% of the results that may belong to it lack the
 * field that would say so (an agency must not be told it is behind because labs left the field empty),
 * nor while results counted before per-target tallies existed are more than that share of the year. A
 * target whose data the service does not receive (农药 / 兽药 / 饲料 products) is listed as not measurable,
 * with why — never counted from food results, never a silent 0.
 */
public final class PlanProgressCalculator {

    static final double MAX_UNPLACED_PERCENT = 5;

    /**
     * The plan's sampling targets as of {@code asOf}. A template plan (a district without a plan of its own)
     * has no targets the district answers for: none are listed.
     */
    public List<TargetProgress> progress(Plan plan, String districtCode, LocalDate asOf, SamplingTotals totals) {
        if (plan.template()) {
            return List.of();
        }
        double yearShare = (double) asOf.getDayOfYear() / asOf.lengthOfYear();
        long population = Districts.byCode(districtCode).map(d -> d.population()).orElse(0L);
        String planNote = planNote(plan, asOf.getYear());
        List<TargetProgress> result = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            for (PlanTask.Target target : task.targets()) {
                if (!TargetScope.counted(target)) {
                    continue;
                }
                TargetScope scope = TargetScope.of(task.taskId(), target);
                Row row = new Row(task, target, scope, planNote);
                if (!scope.measurable()) {
                    result.add(row.notMeasurable("不可统计：" + scope.notMeasurableReason()));
                    continue;
                }
                long[] counts = totals.target(scope.key());
                String unjudged = unjudged(scope, target, counts, totals);
                switch (target.metric()) {
                    case "抽检量" -> result.add(row.volume(target.value() * yearShare, counts[TargetTally.COUNTED], unjudged));
                    case "抽检密度" -> result.add(population == 0
                            ? row.unknown(target.value() * yearShare, "无本区常住人口数，无法折算每千人检验量")
                            : row.volume(target.value() * yearShare,
                            counts[TargetTally.COUNTED] * 1000.0 / population, unjudged));
                    case "合格率" -> {
                        long tested = counts[TargetTally.COUNTED];
                        if (tested <= 0) {
                            result.add(row.unknown(target.value(), unjudged != null ? unjudged : "本年度尚无该目标范围的检验结果"));
                        } else {
                            double rate = 100.0 * (tested - counts[TargetTally.FAILED]) / tested;
                            Boolean ok = rate >= target.value() && (target.upperValue() == null || rate <= target.upperValue());
                            result.add(row.of(target.value(), rate, unjudged == null ? ok : null, unjudged));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return result;
    }

    /** Why a measurable target is not judged yet, or null. */
    private static String unjudged(TargetScope scope, PlanTask.Target target, long[] counts, SamplingTotals totals) {
        String word = target.unit() != null && (target.unit().startsWith("份") || target.unit().startsWith("个"))
                ? target.unit().substring(0, 1) : "批次";
        if (totals.tested() > 0 && totals.untallied() * 100.0 / totals.tested() > MAX_UNPLACED_PERCENT) {
            return String.format(Locale.ROOT, "%d%s结果在按目标计数之前入库（占%.1f%%），未计入本目标，暂不考核（重放本年数据后可考核）",
                    totals.untallied(), word, totals.untallied() * 100.0 / totals.tested());
        }
        long placed = counts[TargetTally.COUNTED];
        long unplaced = counts[TargetTally.UNPLACED];
        if (unplaced > 0 && unplaced * 100.0 / (placed + unplaced) > MAX_UNPLACED_PERCENT) {
            return String.format(Locale.ROOT, "%d%s结果未注明%s，无法判断是否计入本目标（占可能计入结果的%.1f%%），暂不考核",
                    unplaced, word, scope.needs(), unplaced * 100.0 / (placed + unplaced));
        }
        return null;
    }

    /** Says so when the plan is not the district's own plan for the year (蓟州 2024 is served by its 2018 plan). */
    static String planNote(Plan plan, int year) {
        if (plan.year() == year) {
            return null;
        }
        return "本区无" + year + "年计划，按" + plan.year() + "年计划（" + plan.title() + "）的目标统计进展";
    }

    private record Row(PlanTask task, PlanTask.Target target, TargetScope scope, String planNote) {

        TargetProgress volume(double proRated, double reached, String unjudged) {
            return of(proRated, reached, unjudged == null ? reached >= proRated : null, unjudged);
        }

        TargetProgress of(double proRated, double reached, Boolean onTrack, String note) {
            return new TargetProgress(task.taskId(), task.number(), target.metric(), target.scope(), target.agency(),
                    target.value(), target.unit(), round(proRated), round(reached), onTrack, target.asWritten(), note,
                    target.upperValue(), scope.description(), true, planNote);
        }

        TargetProgress unknown(double proRated, String note) {
            return new TargetProgress(task.taskId(), task.number(), target.metric(), target.scope(), target.agency(),
                    target.value(), target.unit(), round(proRated), null, null, target.asWritten(), note,
                    target.upperValue(), scope.description(), true, planNote);
        }

        TargetProgress notMeasurable(String note) {
            return new TargetProgress(task.taskId(), task.number(), target.metric(), target.scope(), target.agency(),
                    target.value(), target.unit(), null, null, null, target.asWritten(), note,
                    target.upperValue(), scope.description(), false, planNote);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
