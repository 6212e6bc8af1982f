package org.foodrisk.summary;

import org.foodrisk.plan.AgencyNames;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanTask;
import org.foodrisk.reference.Districts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Progress of a district against the quantitative sampling targets of its governing plan:
 * 抽检量 (batches, pro-rated straight-line over the year), 抽检密度 (batches per thousand
 * residents, with the 2020 census populations of shared/reference/districts.md) and 合格率 by
 * category.
 *
 * <p>Targets split by agency (武清 2024: 4800 市场监管 + 3689 农业农村 = 8489) are judged on the
 * results that agency commissioned (the sample's {@code agency}, matched by
 * {@link AgencyNames}). The field is optional in the contract, so an agency's share is judged
 * only while at most {@value #MAX_UNATTRIBUTED_PERCENT}% of the year's results name no agency;
 * otherwise the agency's figure is shown but not judged — an agency must not be told it is behind
 * because labs left the field empty.
 */
public final class PlanProgressCalculator {

    static final double MAX_UNATTRIBUTED_PERCENT = 5;

    public List<TargetProgress> progress(Plan plan, String districtCode, LocalDate asOf, SamplingTotals totals) {
        double yearShare = (double) asOf.getDayOfYear() / asOf.lengthOfYear();
        long population = Districts.byCode(districtCode).map(d -> d.population()).orElse(0L);
        List<TargetProgress> result = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            for (PlanTask.Target target : task.targets()) {
                switch (target.metric()) {
                    case "抽检量" -> {
                        if (!target.unit().contains("批")) {
                            continue;
                        }
                        result.add(volume(task, target, target.value() * yearShare, tested(target, totals), totals));
                    }
                    case "抽检密度" -> {
                        if (population == 0) {
                            continue;
                        }
                        double perThousand = tested(target, totals) * 1000.0 / population;
                        result.add(volume(task, target, target.value() * yearShare, perThousand, totals));
                    }
                    case "合格率" -> {
                        if (target.foodCategory() == null) {
                            continue;
                        }
                        long[] category = totals.byCategory().get(target.foodCategory());
                        if (category == null || category[0] == 0) {
                            continue;
                        }
                        double rate = 100.0 * (category[0] - category[1]) / category[0];
                        result.add(new TargetProgress(task.taskId(), task.number(), target.metric(),
                                target.foodCategory(), target.agency(), target.value(), "%", target.value(),
                                round(rate), rate >= target.value(), target.asWritten(), null));
                    }
                    default -> {
                    }
                }
            }
        }
        return result;
    }

    /** Batches counted against a target: the district's total, or the agency's own results. */
    private static long tested(PlanTask.Target target, SamplingTotals totals) {
        if (target.agency() == null) {
            return totals.tested();
        }
        return totals.byAgency().getOrDefault(AgencyNames.key(target.agency()), 0L);
    }

    private static TargetProgress volume(PlanTask task, PlanTask.Target target, double proRated, double reached,
                                         SamplingTotals totals) {
        Boolean onTrack = reached >= proRated;
        String note = null;
        if (target.agency() != null && totals.tested() > 0
                && totals.unattributed() * 100.0 / totals.tested() > MAX_UNATTRIBUTED_PERCENT) {
            onTrack = null;
            note = String.format(Locale.ROOT, "%d批次结果未注明抽检机构（占%.1f%%），暂不按机构考核",
                    totals.unattributed(), totals.unattributed() * 100.0 / totals.tested());
        }
        return new TargetProgress(task.taskId(), task.number(), target.metric(), target.scope(), target.agency(),
                target.value(), target.unit(), round(proRated), round(reached), onTrack, target.asWritten(), note);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
