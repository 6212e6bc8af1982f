package org.foodrisk.plan;

import org.foodrisk.reference.CriticalHazards;
import org.foodrisk.reference.FoodLexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How well one clause's subject matches a signal, and why (the reasons go into /api/v1/routing and onto
 * the alert). Weights, strongest first: a named substance (瘦肉精 for 克伦特罗) 8; the food itself 6, its
 * group 4 (草鱼 in 水产品); a setting 6, +3 when it is the clause's only setting, +2 when the task's title
 * names it; the hazard 3 (−4 when the clause names other hazards only); a specific 大类 4 (食用农产品 is too
 * broad to count, 餐饮食品 1); a group reached only through the clause's other foods (牛肉、羊肉 for 猪肉) 1; the stage 2 (−2 when the clause names other stages only).
 * A clause that only builds (追溯, 产业, 宣传 …) is never specific.
 */
record ClauseScore(ClauseProfile profile, int points, int mentions, boolean eligible, boolean setting,
                   List<String> reasons) {

    private static final Set<String> SPECIAL_STAGES = Set.of("进口", "屠宰", "储备", "网络销售");

    static ClauseScore of(ClauseProfile p, Signal s) {
        List<String> reasons = new ArrayList<>();
        int points = 0;
        int mentions = 0;
        boolean eligible = false;
        boolean substance = false;
        if (p.building()) {
            reasons.add("只作建设/推广（无监管处置用语），不作责任条款");
            return new ClauseScore(p, 0, 0, false, false, reasons);
        }
        for (String name : s.substanceNames()) {
            boolean curated = p.task().responsibilities().size() == 1
                    && p.task().substances().stream().anyMatch(x -> x.contains(name) || name.contains(x));
            if (p.text().contains(name) || curated) {
                points += 8;
                eligible = true;
                substance = true;
                reasons.add("条款点名物质「" + name + "」");
                mentions += RoutingWords.timesNamed(p.text(), List.of(name));
                break;
            }
        }
        if (s.food() != null && p.foods().contains(s.food())) {
            points += 6;
            eligible = true;
            reasons.add("条款点名食品「" + s.food() + "」");
            mentions += RoutingWords.timesNamed(p.text(), List.of(s.food()));
        } else {
            for (String group : s.groups()) {
                if (p.siblingGroups().contains(group)) {
                    points += 1;
                    reasons.add("条款点名同类其他食品（" + group + "）");
                    break;
                }
                if (p.groups().contains(group)) {
                    points += 4;
                    eligible = true;
                    reasons.add("食品「" + s.food() + "」属" + group + "，条款点名该类");
                    mentions += RoutingWords.FOOD_GROUPS.entrySet().stream()
                            .filter(e -> e.getValue().contains(group))
                            .mapToInt(e -> RoutingWords.timesNamed(p.text(), List.of(e.getKey()))).sum();
                    break;
                }
            }
        }
        boolean setting = false;
        for (String key : s.settings()) {
            if (p.settings().contains(key)) {
                setting = true;
                eligible = true;
                points += 6;
                String why = "场所「" + key + "」";
                if (p.settings().size() == 1) {
                    points += 3;
                    why += "（条款只针对该场所）";
                }
                if (p.titleSettings().contains(key)) {
                    points += 2;
                    why += "（任务标题点名）";
                }
                reasons.add(why);
                mentions += RoutingWords.timesNamed(p.text(), RoutingWords.SETTINGS.get(key));
                break;
            }
        }
        if (s.hazard() != null && !p.hazards().isEmpty()) {
            if (p.hazards().contains(s.hazard())) {
                points += 3;
                eligible = true;
                reasons.add("危害「" + s.hazard() + "」");
                mentions += RoutingWords.timesNamed(p.text(), RoutingWords.HAZARDS.getOrDefault(s.hazard(), List.of()));
            } else if (!substance) {
                // Labs file 克伦特罗 under 兽药残留 or 非法添加: a clause naming the substance is not "another hazard".
                points -= 4;
                reasons.add("条款所指危害为" + p.hazards() + "，不含「" + s.hazard() + "」");
            }
        }
        boolean broadCategory = false;
        for (String category : s.categories()) {
            if (p.categories().contains(category)) {
                int weight = switch (category) {
                    case "食用农产品" -> 0;
                    case "餐饮食品" -> 1;
                    default -> 4;
                };
                points += weight;
                eligible |= weight == 4;
                broadCategory = weight == 1;
                reasons.add("大类「" + category + "」");
                mentions += RoutingWords.timesNamed(p.text(), List.of(category));
                break;
            }
        }
        if (s.stage() != null && !p.stages().isEmpty()) {
            if (p.stages().contains(s.stage())) {
                points += 2;
                // 进口, 屠宰 … are regimes of their own; 餐饮 counts with the 餐饮食品 category.
                eligible |= SPECIAL_STAGES.contains(s.stage()) || broadCategory;
                reasons.add("环节「" + s.stage() + "」");
                mentions += RoutingWords.timesNamed(p.text(), RoutingWords.STAGES.getOrDefault(s.stage(), List.of()));
            } else {
                points -= 2;
                reasons.add("条款所指环节为" + p.stages() + "，不含「" + s.stage() + "」");
            }
        }
        return new ClauseScore(p, points, mentions, eligible && points > 0, setting, reasons);
    }

    /** The signal's side of the match, read once per query. */
    record Signal(String food, Set<String> groups, Set<String> categories, String hazard, List<String> substanceNames,
                  String stage, Set<String> settings) {

        static Signal of(RoutingQuery q) {
            Set<String> categories = new java.util.LinkedHashSet<>();
            if (q.foodCategory() != null) {
                categories.add(q.foodCategory());
            }
            String byLexicon = RoutingWords.categoryOf(q.foodName());
            if (byLexicon != null) {
                categories.add(byLexicon);
            }
            String stage = q.stage() == null ? null : q.stage().contains("进口") || q.stage().contains("冷链") ? "进口" : q.stage();
            // Text extraction may give a place as the "food" (学校食堂: what was eaten there): a setting, not a food.
            String food = q.foodName() == null ? null : q.foodName().strip();
            Set<String> settings = new java.util.LinkedHashSet<>(RoutingWords.settingsOf(q.setting()));
            if (food != null && (FoodLexicon.bundled().isCateringPlace(food) || !RoutingWords.settingsOf(food).isEmpty())) {
                settings.addAll(RoutingWords.settingsOf(food));
                food = null;
            }
            return new Signal(food, RoutingWords.groupsOf(food, q.foodCategory()), categories, q.hazard(),
                    q.substance() == null ? List.of() : CriticalHazards.namesOf(q.substance()), stage, settings);
        }
    }
}
