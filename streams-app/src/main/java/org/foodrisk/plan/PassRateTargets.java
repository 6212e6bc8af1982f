package org.foodrisk.plan;


import java.util.Map;
import java.util.Optional;

/**
 * The pass-rate target for a district × category: the governing plan's 合格率 target for that
 * whole category when it sets one (e.g. 乳制品抽检合格率 ≥99%), else a configured default. A 合格率 narrowed
 * to 基地, 产地, one program or some hazards (蓟州 放心菜基地 ≥98%, 西青 例行监测 ≥97%, the template's 产地抽检
 * ≥97%) is not the category's: it is shown in the plan progress on the results it names ({@link TargetScope}).
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
                    if ("合格率".equals(target.metric()) && appliesTo(target, foodCategory)
                            && TargetScope.of(task.taskId(), target).wholeCategory()) {
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
