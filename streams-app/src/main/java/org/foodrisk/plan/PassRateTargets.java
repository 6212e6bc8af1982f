package org.foodrisk.plan;

import org.foodrisk.detect.PassRateTarget;

import java.util.Map;
import java.util.Optional;

/**
 * The pass-rate target for a district × category: the governing plan's 合格率 target for that
 * category when it sets one (e.g. 乳制品抽检合格率 ≥99%, 农产品 ≥97%), else a configured default.
 */
public final class PassRateTargets {

    private final PlanCatalog catalog;
    private final Map<String, Double> defaultsByCategory;
    private final double fallback;

    public PassRateTargets(PlanCatalog catalog, Map<String, Double> defaultsByCategory, double fallback) {
        this.catalog = catalog;
        this.defaultsByCategory = Map.copyOf(defaultsByCategory);
        this.fallback = fallback;
    }

    public PassRateTarget targetFor(String districtCode, String districtName, int year, String foodCategory) {
        Optional<Plan> plan = catalog.planFor(districtCode, districtName, year);
        if (plan.isPresent() && foodCategory != null) {
            for (PlanTask task : plan.get().tasks()) {
                for (PlanTask.Target target : task.targets()) {
                    if ("合格率".equals(target.metric()) && appliesTo(target, foodCategory)) {
                        return new PassRateTarget(target.value(), task.taskId(), target.asWritten());
                    }
                }
            }
        }
        return new PassRateTarget(defaultsByCategory.getOrDefault(String.valueOf(foodCategory), fallback), null, null);
    }

    private static boolean appliesTo(PlanTask.Target target, String foodCategory) {
        if (foodCategory.equals(target.foodCategory())) {
            return true;
        }
        // Plans write "农产品抽检合格率" for the 食用农产品 category without naming the 大类.
        return target.foodCategory() == null && "食用农产品".equals(foodCategory)
               
                && target.scope() != null && target.scope().contains("农产品");
    }
}
