package org.foodrisk.summary;

import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanTask;
import org.foodrisk.reference.Districts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress of a district against the quantitative sampling targets of its governing plan:
 * 抽检量 (batches, pro-rated straight-line over the year), 抽检密度 (batches per thousand
 * residents, with the 2020 census populations of shared/reference/districts.md) and 合格率 by
 * category. Targets split by agency (武清 2024: 4800 市场监管 + 3689 农业农村) are shown as the
 * plan writes them but judged on the district total, because sampling results do not yet carry
 * a reliable agency for every record — noted in the report rather than guessed.
 */
public final class PlanProgressCalculator {

    public List<TargetProgress> progress(Plan plan, String districtCode, LocalDate asOf, SamplingTotals totals) {
        double yearShare = (double) asOf.getDayOfYear() / asOf.lengthOfYear();
        long population = Districts.byCode(districtCode).map(d -> d.population()).orElse(0L);
        List<TargetProgress> result = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            for (PlanTask.Target target : task.targets()) {
                switch (target.metric()) {
                    case "抽检量" -> {
                        if (target.agency() != null || !target.unit().contains("批")) {
                            continue;
                        }
                        double proRated = target.value() * yearShare;
                        result.add(new TargetProgress(task.taskId(), task.number(), target.metric(), target.scope(),
                                target.agency(), target.value(), target.unit(), round(proRated), totals.tested(),
                                totals.tested() >= proRated, target.asWritten()));
                    }
                    case "抽检密度" -> {
                        if (population == 0 || target.agency() != null) {
                            continue;
                        }
                        double reached = totals.tested() * 1000.0 / population;
                        double proRated = target.value() * yearShare;
                        result.add(new TargetProgress(task.taskId(), task.number(), target.metric(), target.scope(),
                                target.agency(), target.value(), target.unit(), round(proRated), round(reached),
                                reached >= proRated, target.asWritten()));
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
                                round(rate), rate >= target.value(), target.asWritten()));
                    }
                    default -> {
                    }
                }
            }
        }
        return result;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
