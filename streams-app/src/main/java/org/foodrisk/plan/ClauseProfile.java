package org.foodrisk.plan;

import org.foodrisk.reference.FoodCategories;
import org.foodrisk.reference.FoodLexicon;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one clause is about, read from its own sentences (and, for a task of one clause, also from the
 * catalog's curated lists for the task). A task's union would let every clause answer for everything
 * the task names: 武清 （五）'s soil clause is not about 农药, its inputs clause is.
 */
record ClauseProfile(PlanTask task, PlanClause clause, String text, Set<String> foods, Set<String> groups,
                     Set<String> siblingGroups, Set<String> categories, Set<String> hazards, Set<String> stages, Set<String> settings,
                     Set<String> titleSettings, boolean building) {

    static List<ClauseProfile> of(PlanTask task) {
        List<PlanClause> clauses = Clauses.of(task);
        boolean single = clauses.size() == 1;
        return clauses.stream().map(c -> profile(task, c, single)).toList();
    }

    private static ClauseProfile profile(PlanTask task, PlanClause clause, boolean single) {
        String text = clause.subject();
        Set<String> foods = new LinkedHashSet<>();
        for (String food : task.foods()) {
            if (single || text.contains(food)) {
                foods.add(food);
            }
        }
        for (String word : FoodLexicon.bundled().foodWords()) {
            if (word.length() >= 2 && text.contains(word)) {
                foods.add(word);
            }
        }
        // A group the clause names by a group word (果蔬, 禽肉蛋, 水产品 …) covers every food of it; a group
        // reached only through the clause's own foods (牛肉、羊肉 → 畜禽肉) is a sibling, not the signal's food.
        Set<String> groups = RoutingWords.groupsNamed(text);
        if (single) {
            task.foods().forEach(f -> groups.addAll(RoutingWords.groupsNamed(f)));
        }
        Set<String> siblingGroups = new LinkedHashSet<>();
        foods.forEach(f -> FoodLexicon.bundled().subcategoryOf(f).filter(g -> !groups.contains(g))
                .ifPresent(siblingGroups::add));
        Set<String> categories = new LinkedHashSet<>();
        RoutingWords.CATEGORY_WORDS.forEach((word, named) -> {
            if (text.contains(word)) {
                categories.addAll(named);
            }
        });
        for (String category : FoodCategories.NATIONAL) {
            if (text.contains(category)) {
                categories.add(category);
            }
        }
        Set<String> hazards = RoutingWords.keysNamed(text, RoutingWords.HAZARDS);
        // 食品生产经营者 is every business, not the 生产 and 流通 stages.
        Set<String> stages = RoutingWords.keysNamed(text.replace("生产经营", ""), RoutingWords.STAGES);
        if (single) {
            categories.addAll(task.foodCategories());
            hazards.addAll(task.hazards());
            stages.addAll(task.stages());
        }
        Set<String> settings = RoutingWords.keysNamed(text, RoutingWords.SETTINGS);
        Set<String> titleSettings = RoutingWords.keysNamed(task.title(), RoutingWords.SETTINGS);
        boolean building = RoutingWords.BUILDING_WORDS.stream().anyMatch(text::contains)
                && RoutingWords.HANDLING_WORDS.stream().noneMatch(text::contains);
        return new ClauseProfile(task, clause, text, foods, groups, siblingGroups, categories, hazards, stages, settings,
                titleSettings, building);
    }

    boolean handles() {
        return RoutingWords.HANDLING_WORDS.stream().anyMatch(text::contains);
    }

    /** A crime campaign led by the police alone (西青 19.「昆仑 2021」行动: 打击…犯罪). */
    boolean crimeOnly() {
        List<String> leads = clause.leadUnits();
        return text.contains("犯罪") && !leads.isEmpty() && leads.stream().allMatch(u -> u.contains("公安"));
    }

    /** How many subjects the clause names: a clause about one thing is more specific than a list. */
    int breadth() {
        return settings.size() + groups.size() + categories.size() + stages.size() + Math.max(0, foods.size() - 1);
    }
}
