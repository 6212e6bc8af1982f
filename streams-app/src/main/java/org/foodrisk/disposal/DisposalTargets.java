package org.foodrisk.disposal;

import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanTask;

import java.util.ArrayList;
import java.util.List;

/**
 * The 核查处置率 / 按时完成率 targets a district's own plan states (targets with those metrics in the plan
 * catalog; of the five plans only 西青 2021 18. states numbers: 100% and 85%). A plan that states none has
 * none — the summary says so instead of lending it another district's figures.
 */
public final class DisposalTargets {

    public static final String HANDLING = "核查处置率";
    public static final String ON_TIME = "按时完成率";

    /** One stated target: the metric, its value and comparator, and the plan's words. */
    public record Target(String metric, double value, String comparator, String agency, String planTitle,
                         String taskNumber, String asWritten) {

        /** Whether it binds this unit: a target the plan gives one agency binds that agency only. */
        public boolean binds(String unit) {
            return agency == null || agency.equals(unit);
        }

        public boolean met(Double rate) {
            if (rate == null) {
                return true;
            }
            return switch (comparator == null ? ">=" : comparator) {
                case ">" -> rate > value;
                case "=" -> rate == value;
                case "<=" -> rate <= value;
                default -> rate >= value;
            };
        }
    }

    private final PlanCatalog catalog;

    public DisposalTargets(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Target> of(String districtCode, String districtName, int year) {
        List<Target> targets = new ArrayList<>();
        Plan plan = catalog.planFor(districtCode, districtName, year).filter(p -> !p.template()).orElse(null);
        if (plan == null) {
            return targets;
        }
        for (PlanTask task : plan.tasks()) {
            for (PlanTask.Target target : task.targets()) {
                if (HANDLING.equals(target.metric()) || ON_TIME.equals(target.metric())) {
                    targets.add(new Target(target.metric(), target.value(), target.comparator(), target.agency(), plan.title(),
                            task.number(), target.asWritten()));
                }
            }
        }
        return targets;
    }
}
