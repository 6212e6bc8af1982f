package org.foodrisk.plan;

import org.foodrisk.reference.CriticalHazards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whose job a risk is: the tasks of the governing plan that answer for it.
 *
 * <p>Rule (DESIGN "The plans are data"): specific tasks first — a task that names the food or
 * the substance and covers the hazard (韭菜 + 农药残留 → 农兽药残留专项整治), then one that names
 * the hazard for the category — then the general owner of the signal type (抽检, 风险监测/食源性
 * 疾病, 投诉举报, 舆情). A plan without an owner for that signal type falls back to its 风险监测
 * owner, so an alert is never left without a responsible unit.
 */
public final class PlanRouter {

    private static final int MAX_SPECIFIC = 2;

    private final PlanCatalog catalog;

    public PlanRouter(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    public List<PlanTaskRef> route(RoutingQuery query) {
        Optional<Plan> governing = catalog.planFor(query.districtCode(), query.districtName(), query.year());
        if (governing.isEmpty()) {
            return List.of();
        }
        Plan plan = governing.get();
        Map<String, PlanTaskRef> chosen = new LinkedHashMap<>();
        specificTasks(plan, query).forEach(task -> chosen.putIfAbsent(task.taskId(), PlanTaskRef.of(plan, task, "specific")));
        List<PlanTask> owners = owners(plan, query.signalType());
        String match = "owner";
        if (owners.isEmpty()) {
            owners = owners(plan, "monitoring");
            match = "fallback";
        }
        for (PlanTask owner : owners) {
            chosen.putIfAbsent(owner.taskId(), PlanTaskRef.of(plan, owner, match));
        }
        return List.copyOf(chosen.values());
    }

    /** One task by id, as an alert names it. */
    public Optional<PlanTaskRef> task(String taskId) {
        return catalog.task(taskId).flatMap(task -> catalog.plan(taskId.substring(0, taskId.indexOf(':')))
                .map(plan -> PlanTaskRef.of(plan, task, "target")));
    }

    private static List<PlanTask> owners(Plan plan, String signalType) {
        return plan.tasks().stream().filter(t -> t.signalTypes().contains(signalType)).toList();
    }

    private static List<PlanTask> specificTasks(Plan plan, RoutingQuery query) {
        record Scored(PlanTask task, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            boolean food = query.foodName() != null && task.foods().stream().anyMatch(f -> namesFood(f, query.foodName()));
            List<String> substanceNames = CriticalHazards.namesOf(query.substance());
            boolean substance = task.substances().stream()
                    .anyMatch(s -> substanceNames.stream().anyMatch(name -> s.contains(name) || name.contains(s)));
            boolean hazard = query.hazard() != null && task.hazards().contains(query.hazard());
            boolean category = query.foodCategory() != null && task.foodCategories().contains(query.foodCategory());
            boolean hazardCompatible = query.hazard() == null || task.hazards().isEmpty() || hazard;
            int score = 0;
            if (substance) {
                score += 8;
            }
            if (food && hazardCompatible) {
                score += 4;
            }
            if (hazard) {
                score += 2;
            }
            if (category) {
                score += 1;
            }
            if (substance || (food && hazardCompatible) || (hazard && category)) {
                scored.add(new Scored(task, score));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .limit(MAX_SPECIFIC)
                .map(Scored::task)
                .toList();
    }

    /** 韭菜 is named by "韭菜"; 禽肉蛋 names neither 猪肉 nor 鸡蛋 reliably, so only whole names count. */
    private static boolean namesFood(String taskFood, String food) {
        return taskFood.equals(food) || (taskFood.length() >= 2 && food.contains(taskFood));
    }
}
