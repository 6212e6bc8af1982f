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
                     Set<String> categories, Set<String> hazards, Set<String> stages, Set<String> settings,
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
        Set<String> groups = RoutingWords.groupsNamed(text);
        foods.forEach(f -> {
            groups.addAll(RoutingWords.groupsNamed(f));
            FoodLexicon.bundled().subcategoryOf(f).ifPresent(groups::add);
        });
        Set<String> categories = RoutingWords.keysNamed(text, RoutingWords.CATEGORY_WORDS).stream()
                .flatMap(w -> RoutingWords.CATEGORY_WORDS.get(w).stream())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        for (String category : FoodCategories.NATIONAL) {
            if (text.contains(category)) {
                categories.add(category);
            }
        }
        Set<String> hazards = RoutingWords.keysNamed(text, RoutingWords.HAZARDS);
        Set<String> stages = RoutingWords.keysNamed(text, RoutingWords.STAGES);
        if (single) {
            categories.addAll(task.foodCategories());
            hazards.addAll(task.hazards());
            stages.addAll(task.stages());
        }
        Set<String> settings = RoutingWords.keysNamed(text, RoutingWords.SETTINGS);
        Set<String> titleSettings = RoutingWords.keysNamed(task.title(), RoutingWords.SETTINGS);
        boolean building = RoutingWords.BUILDING_WORDS.stream().anyMatch(text::contains)
                && RoutingWords.HANDLING_WORDS.stream().noneMatch(text::contains);
        return new ClauseProfile(task, clause, text, foods, groups, categories, hazards, stages, settings,
                titleSettings, building);
    }

    boolean handles() {
        return RoutingWords.HANDLING_WORDS.stream().anyMatch(text::contains);
    }

    /** How many subjects the clause names: a clause about one thing is more specific than a list. */
    int breadth() {
        return settings.size() + groups.size() + categories.size() + Math.max(0, foods.size() - 1);
    }
}
