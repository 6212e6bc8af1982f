package org.foodrisk.plan;

import org.foodrisk.reference.CriticalHazards;
import org.foodrisk.reference.FoodLexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * How well one clause's subject matches a signal, and why (the reasons go into /api/v1/routing and onto
 * the alert). Weights, strongest first: a named substance (瘦肉精 for 克伦特罗) 8; the food itself 6, its
 * group 4 (草鱼 in 水产品); a setting 6, +3 when it is the clause's only setting, +2 when the task's title
 * names it; the hazard 3 (−4 when the clause names other hazards only); a specific 大类 4 (食用农产品 is too
 * broad to count, 餐饮食品 1); a group reached only through the clause's other foods (牛肉、羊肉 for 猪肉) 1; the stage 2 (−2 when the clause names other stages only).
 * A clause that only builds (追溯, 产业, 宣传 …) is never specific.
 */
record ClauseScore(ClauseProfile profile, int points, int mentions, boolean eligible, boolean concrete,
                   boolean setting, boolean decisive, boolean devoted, List<String> reasons) {

    private static final Set<String> SPECIAL_STAGES = Set.of("进口", "屠宰", "储备", "网络销售");
    /** Hazard classes whose substances are the class itself (an element, an organism), not a campaign's target. */
    private static final Set<String> ELEMENTAL_HAZARDS = Set.of("重金属", "微生物");
    /** A clause that names every stage («种植、加工、流通等各环节») is not restricted to the stages it lists. */
    private static final List<String> ALL_STAGES_WORDS = List.of("各环节", "全链条", "全过程", "全环节");

    static ClauseScore of(ClauseProfile p, Signal s) {
        List<String> reasons = new ArrayList<>();
        int points = 0;
        int mentions = 0;
        boolean eligible = false;
        boolean substance = false;
        boolean decisive = false;
        boolean devoted = false;
        if (p.building()) {
            reasons.add("只作建设/推广（无监管处置用语），不作责任条款");
            return new ClauseScore(p, 0, 0, false, false, false, false, false, reasons);
        }
        for (String name : s.substanceNames()) {
            // A failed item may name no hazardClass (optional in the contract); Set.of(…).contains(null) throws.
            if (s.hazard() != null && ELEMENTAL_HAZARDS.contains(s.hazard())
                    && RoutingWords.HAZARDS.get(s.hazard()).stream().anyMatch(name::contains)) {
                continue; // 镉 of 重金属, 沙门氏菌 of 微生物: the hazard itself, weighed as the hazard below
            }
            boolean curated = p.task().responsibilities().size() == 1
                    && p.task().substances().stream().anyMatch(x -> x.contains(name) || name.contains(x));
            if (p.text().contains(name) || curated) {
                points += 8;
                eligible = true;
                substance = true;
                reasons.add("条款点名物质「" + name + "」");
                decisive = true;
                mentions += RoutingWords.timesNamed(p.text(), List.of(name));
                break;
            }
        }
        // The words by which the clause names the signal's food, group or 大类: a hazard the clause names in
        // another sentence (武清 （八）: 添加剂 in one, 食用植物油 in the next) is not a restriction of that food.
        List<String> foodWords = new ArrayList<>();
        if (s.food() != null && p.foods().contains(s.food())) {
            points += 6;
            eligible = true;
            reasons.add("条款点名食品「" + s.food() + "」");
            mentions += RoutingWords.timesNamed(p.text(), List.of(s.food()));
            foodWords.add(s.food());
            decisive = true;
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
                    decisive = true;
                    List<String> groupWords = RoutingWords.FOOD_GROUPS.entrySet().stream()
                            .filter(e -> e.getValue().contains(group)).map(Map.Entry::getKey).toList();
                    mentions += groupWords.stream().mapToInt(w -> RoutingWords.timesNamed(p.text(), List.of(w))).sum();
                    foodWords.addAll(groupWords);
                    break;
                }
            }
        }
        boolean setting = false;
        for (String key : s.settings()) {
            if (p.settings().contains(key)) {
                setting = true;
                decisive = true;
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
        // The signal's 大类 the clause names (the first, in the signal's order), and the plan words for it.
        String category = s.categories().stream().filter(p.categories()::contains).findFirst().orElse(null);
        // Not 食用农产品 (every farm clause says it) nor the bare word 餐饮 (every catering clause does).
        if (category != null && !"食用农产品".equals(category)) {
            foodWords.add(category);
            RoutingWords.CATEGORY_WORDS.forEach((word, named) -> {
                if (named.contains(category) && !"餐饮".equals(word)) {
                    foodWords.add(word);
                }
            });
        }
        Set<String> hazardsNear = foodWords.isEmpty() ? p.hazards()
                : RoutingWords.keysNamed(RoutingWords.sentencesNaming(p.text(), foodWords), RoutingWords.HAZARDS);
        // Only a hazard class plans can name restricts: a clause is not silent about 质量指标 or 其他.
        if (s.hazard() != null && !p.hazards().isEmpty() && RoutingWords.HAZARDS.containsKey(s.hazard())) {
            if (p.hazards().contains(s.hazard())) {
                points += 3;
                eligible = true;
                reasons.add("危害「" + s.hazard() + "」");
                mentions += RoutingWords.timesNamed(p.text(), RoutingWords.HAZARDS.getOrDefault(s.hazard(), List.of()));
            } else if (!substance && !hazardsNear.isEmpty()) {
                // Labs file 克伦特罗 under 兽药残留 or 非法添加: a clause naming the substance is not "another hazard".
                points -= 4;
                decisive = false; // the clause names the food for another hazard (重金属 in 蔬菜, not 农残)
                reasons.add("条款所指危害为" + hazardsNear + "，不含「" + s.hazard() + "」");
            }
        }
        boolean broadCategory = false;
        if (category != null) {
            int weight = switch (category) {
                case "食用农产品" -> 0;
                case "餐饮食品" -> 1;
                default -> 4;
            };
            points += weight;
            eligible |= weight == 4;
            decisive |= weight == 4; // 保健食品, 乳制品, 食品相关产品 …: a 大类 of its own regime
            broadCategory = weight == 1;
            reasons.add("大类「" + category + "」");
            mentions += RoutingWords.timesNamed(p.text(), List.of(category));
        }
        // Concrete: matched on what the signal is about, not only on 餐饮食品 + 餐饮 (which every catering
        // clause shares, down to 河北 （十）'s 制止餐饮浪费).
        boolean concrete = eligible;
        if (s.stage() != null && !p.stages().isEmpty()) {
            List<String> stageWords = RoutingWords.STAGES.getOrDefault(s.stage(), List.of());
            if (p.stages().contains(s.stage())) {
                // 进口, 屠宰, 储备, 网络销售 are regimes of their own with units of their own (海关, 农业农村委,
                // 发展改革委 …): naming one weighs like naming the food's group. 餐饮 counts with the 餐饮食品 category.
                boolean special = SPECIAL_STAGES.contains(s.stage());
                points += special ? 5 : 2;
                eligible |= special || broadCategory;
                decisive |= special;
                concrete |= special;
                reasons.add("环节「" + s.stage() + "」");
                // A clause headed by the stage (蓟州 3.（八）.1「食品进出口环节：…」) is about that stage alone.
                int colon = p.text().indexOf('：');
                if (special && colon > 0 && colon <= 12 && p.text().substring(0, colon).endsWith("环节")
                        && stageWords.stream().anyMatch(p.text().substring(0, colon)::contains)) {
                    points += 3;
                    decisive = true;
                    devoted = true;
                    reasons.add("条款专述该环节");
                }
                mentions += RoutingWords.timesNamed(p.text(), stageWords);
            } else if (ALL_STAGES_WORDS.stream().noneMatch(p.text()::contains)) {
                points -= 2;
                reasons.add("条款所指环节为" + p.stages() + "，不含「" + s.stage() + "」");
            }
        }
        if (("sampling".equals(s.signalType()) || "illness".equals(s.signalType())) && p.crimeOnly()) {
            // 检打联动: a failed sample or a case is verified and handled by the supervising unit first, which
            // hands a crime on to the police; the police's crime campaign is not where the risk starts.
            points -= 3;
            reasons.add("公安牵头的打击犯罪条款：抽检不合格、病例先由监管部门核查处置，涉嫌犯罪再移送");
        }
        return new ClauseScore(p, points, mentions, eligible && points > 0, concrete, setting, decisive, devoted, reasons);
    }

    /** The signal's side of the match, read once per query. */
    record Signal(String signalType, String food, Set<String> groups, Set<String> categories, String hazard,
                  List<String> substanceNames, String stage, Set<String> settings) {

        static Signal of(RoutingQuery q) {
            Set<String> categories = new LinkedHashSet<>();
            if (q.foodCategory() != null) {
                categories.add(q.foodCategory());
            }
            String byLexicon = RoutingWords.categoryOf(q.foodName());
            if (byLexicon != null) {
                categories.add(byLexicon);
            }
            if (q.foodName() != null && RoutingWords.FOOD_CONTACT_WORDS.stream().anyMatch(q.foodName()::contains)) {
                categories.add("食品相关产品");
            }
            String stage = q.stage() == null ? null : q.stage().contains("进口") || q.stage().contains("冷链") ? "进口" : q.stage();
            // Text extraction may give a place as the "food" (学校食堂: what was eaten there): a setting, not a food.
            String food = q.foodName() == null ? null : q.foodName().strip();
            Set<String> settings = new LinkedHashSet<>(RoutingWords.settingsOf(q.setting()));
            if (food != null && (FoodLexicon.bundled().isCateringPlace(food) || !RoutingWords.settingsOf(food).isEmpty())) {
                settings.addAll(RoutingWords.settingsOf(food));
                food = null;
            }
            Set<String> groups = RoutingWords.groupsOf(food, q.foodCategory());
            List<String> substanceNames = new ArrayList<>(CriticalHazards.namesOf(q.substance()));
            substanceNames.addAll(RoutingWords.substanceWords(q.substance(), groups));
            return new Signal(q.signalType(), food, groups, categories, q.hazard(), substanceNames, stage, settings);
        }
    }
}
