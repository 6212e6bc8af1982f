package org.foodrisk.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.IdentityHashMap;

/**
 * Decides whose job a risk is: the clauses of the governing plan that answer for it (issue 15).
 *
 * <p>Rule (DESIGN "The plans are data"): a clause is specific when its own sentences name what the
 * signal is about — the substance, the food or its group, the setting, the hazard, a specific 大类 or a
 * special stage — scored by {@link ClauseScore}; only the best-scoring clauses are kept (at most two,
 * ties broken by specificity: the clause naming fewer subjects, then the one naming the match more
 * often — never by plan order), so 武清 韭菜 + 农药残留 reaches （十三） and not （五）'s inputs clause.
 * With a setting (学校食堂 …) only clauses of that setting are specific. Then the general owner of the
 * signal type: the clause of the plan's owner task that names the signal (抽检, 食源性疾病, 投诉举报,
 * 舆情); a plan without one answers with the clause where the owner unit of the Tianjin districts
 * (投诉 → 市场监管, 舆情 → 网信办) is sole lead and names enforcement; the 风险监测 owner last.
 * For complaints and 舆情 the owner comes first: it must act on the signal itself, whatever food the
 * text names; for samples and illness the specific clause comes first.
 */
public final class PlanRouter {

    private static final int MAX_SPECIFIC = 2;
    /** Words of a market regulator's enforcement clause: where a plan without a 投诉举报 clause handles them. */
    private static final List<String> ENFORCEMENT_WORDS = List.of("查处", "处罚", "打击", "严打", "铁拳", "违法", "执法");

    private final PlanCatalog catalog;
    private final Map<PlanTask, List<ClauseProfile>> profiles = new ConcurrentHashMap<>();

    public PlanRouter(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    public List<PlanTaskRef> route(RoutingQuery query) {
        return explain(query).tasks();
    }

    /** The answer and how it came about: the plan chosen, every clause that scored, and why. */
    public RoutingExplanation explain(RoutingQuery query) {
        Optional<Plan> governing = catalog.planFor(query.districtCode(), query.districtName(), query.year());
        if (governing.isEmpty()) {
            String note = "本区无食品安全计划：按天津各区计划的责任分工（模板）确定责任单位";
            return new RoutingExplanation(TianjinTemplate.PLAN_ID, TianjinTemplate.TITLE, note,
                    TianjinTemplate.route(query, note), List.of());
        }
        Plan plan = governing.get();
        String note = planNote(plan, query);
        if (plan.template()) {
            // A district without a plan of its own: a Tianjin district's units, never the county text's.
            return new RoutingExplanation(TianjinTemplate.PLAN_ID, TianjinTemplate.TITLE, note,
                    TianjinTemplate.route(query, note), List.of());
        }
        ClauseScore.Signal signal = ClauseScore.Signal.of(query);
        List<ClauseScore> scored = new ArrayList<>();
        for (PlanTask task : plan.tasks()) {
            for (ClauseProfile profile : profiles(task)) {
                scored.add(ClauseScore.of(profile, signal));
            }
        }
        // The owner task's clauses answer as owner, not as specific tasks: a 抽检 plan clause that lists
        // 猪肉 and 瘦肉精 among its targets is still the 抽检 clause (蓟州 3.（八）.1).
        // A case of illness is the 食源性疾病 owner's (流行病学调查) unless it happened in a setting a clause is
        // about (学校食堂, 农村集体聚餐 …): what was eaten does not make a 农残 campaign or a 风险评估 clause responsible.
        boolean illness = "illness".equals(query.signalType());
        List<ClauseScore> specific = specific(scored.stream()
                .filter(s -> !s.profile().task().signalTypes().contains(query.signalType()))
                .filter(s -> !illness || s.setting()).toList());
        Map<ClauseProfile, ClauseScore> scores = new IdentityHashMap<>();
        scored.forEach(s -> scores.put(s.profile(), s));
        Map<String, PlanTaskRef> chosen = new LinkedHashMap<>();
        List<RoutingExplanation.Candidate> candidates = new ArrayList<>();
        boolean ownerFirst = "complaint".equals(query.signalType()) || "opinion".equals(query.signalType());
        Owner owner = owner(plan, query.signalType(), scores);
        if (!ownerFirst && owner != null && !specific.isEmpty()) {
            // The owner task's own clause can be the most specific of all: it names the substance, the food or its
            // group, the setting, or it is devoted to the signal's regime (蓟州 3.（八）.1「食品进出口环节：…」 for an
            // import sample, 武清 （十一）「对塑化剂…开展延伸监测」 for a phthalate, 「食用林产品质量安全监测」 for 板栗),
            // and no specific clause does (or the owner's clause is headed by the signal's regime) — then the owner
            // comes first.
            ClauseScore ownerScore = scores.get(owner.profile());
            ownerFirst = ownerScore != null && ownerScore.eligible() && ownerScore.decisive()
                    && (ownerScore.devoted() || specific.stream().noneMatch(ClauseScore::decisive));
            if (ownerFirst) {
                specific = List.of(); // what shares only a hazard or a stage with the signal adds no one who must act
            }
        }
        if (ownerFirst && owner != null) {
            put(chosen, plan, owner.profile(), owner.match(), note, owner.reasons());
        }
        for (ClauseScore s : specific) {
            put(chosen, plan, s.profile(), "specific", note, s.reasons());
        }
        if (!ownerFirst && owner != null) {
            put(chosen, plan, owner.profile(), owner.match(), note, owner.reasons());
        }
        scored.stream().filter(s -> s.points() > 0 || s.eligible())
                .sorted(ORDER).limit(12)
                .forEach(s -> candidates.add(new RoutingExplanation.Candidate(s.profile().task().taskId(),
                        s.profile().task().number(), s.profile().clause().index(), s.points(), s.eligible(),
                        isChosen(chosen, s.profile()), s.reasons())));
        return new RoutingExplanation(plan.planId(), plan.title(), note, List.copyOf(chosen.values()), candidates);
    }

    /** One task by id, as an alert names it (a plan-target alert): the clause that states its target. */
    public Optional<PlanTaskRef> task(String taskId) {
        return task(taskId, null);
    }

    /**
     * One task by id for an alert about {@code year}: when the plan is another year's (蓟州 2024 is judged
     * against its 2018 plan), the reference says so in {@code planNote}, as routing does.
     */
    public Optional<PlanTaskRef> task(String taskId, Integer year) {
        return catalog.task(taskId).flatMap(task -> catalog.plan(taskId.substring(0, taskId.indexOf(':')))
                .map(plan -> {
                    String note = year == null || plan.year() == year ? null
                            : "本区无" + year + "年计划，按" + plan.year() + "年计划（" + plan.title() + "），责任单位按现名";
                    List<ClauseProfile> clauses = profiles(task);
                    if (clauses.isEmpty()) {
                        PlanTaskRef ref = PlanTaskRef.of(plan, task, "target");
                        return note == null ? ref : new PlanTaskRef(ref.taskId(), ref.plan(), ref.number(), ref.title(),
                                ref.leadUnits(), ref.coUnits(), ref.match(), ref.clause(), ref.taskLeadUnits(),
                                ref.taskCoUnits(), ref.planYear(), note, ref.reasons());
                    }
                    ClauseProfile stating = clauses.stream()
                            .filter(c -> task.targets().stream().anyMatch(t -> t.asWritten() != null
                                    && c.text().contains(t.asWritten())))
                            .findFirst().orElse(clauses.get(0));
                    return PlanTaskRef.of(plan, task, stating.clause(), "target", note, List.of("条款写明该目标"));
                }));
    }

    private static boolean isChosen(Map<String, PlanTaskRef> chosen, ClauseProfile profile) {
        PlanTaskRef ref = chosen.get(profile.task().taskId());
        return ref != null && ref.clause() != null && ref.clause().index() == profile.clause().index();
    }

    private List<ClauseProfile> profiles(PlanTask task) {
        return profiles.computeIfAbsent(task, ClauseProfile::of);
    }

    private static final Comparator<ClauseScore> ORDER = Comparator.comparingInt(ClauseScore::points).reversed()
            .thenComparingInt(s -> s.profile().breadth())
            .thenComparing(Comparator.comparingInt(ClauseScore::mentions).reversed());

    private static List<ClauseScore> specific(List<ClauseScore> scored) {
        List<ClauseScore> eligible = scored.stream().filter(ClauseScore::eligible).toList();
        if (eligible.stream().anyMatch(ClauseScore::setting)) {
            eligible = eligible.stream().filter(ClauseScore::setting).toList();
        }
        // A clause naming what the signal is about (its substance, food or group) beats one that shares only its
        // hazard, 大类 or stage, whatever the points: 西青 16.「林产品质量检测」 for 核桃, not 19. 治违禁.
        if (eligible.stream().anyMatch(ClauseScore::decisive)) {
            eligible = eligible.stream().filter(ClauseScore::decisive).toList();
        }
        int best = eligible.stream().mapToInt(ClauseScore::points).max().orElse(0);
        List<ClauseScore> top = eligible.stream().filter(s -> s.points() == best).sorted(ORDER).toList();
        // A tie on 餐饮食品 + 餐饮 alone says little: the most specific of those clauses, not two.
        return top.stream().limit(!top.isEmpty() && top.get(0).concrete() ? MAX_SPECIFIC : 1).toList();
    }

    private static void put(Map<String, PlanTaskRef> chosen, Plan plan, ClauseProfile profile, String match,
                            String note, List<String> reasons) {
        chosen.putIfAbsent(profile.task().taskId(), PlanTaskRef.of(plan, profile.task(), profile.clause(), match,
                note, reasons));
    }

    record Owner(ClauseProfile profile, String match, List<String> reasons) {
    }

    /**
     * The general owner of a signal type in a plan: among the clauses of the task the catalog marks as
     * owner, the one that matches the signal best (蓟州 3.（八）.1's 农委 clause for a 瘦肉精 sample), else
     * the first that names the signal (its general statement: 武清 （二十五）'s 投诉举报 clause, not its
     * 宣传部 clause). See the class comment for plans without one.
     */
    private Owner owner(Plan plan, String signalType, Map<ClauseProfile, ClauseScore> scores) {
        if (signalType == null) {
            return null;
        }
        List<String> words = RoutingWords.SIGNALS.getOrDefault(signalType, List.of());
        List<ClauseProfile> clauses = new ArrayList<>();
        plan.tasks().stream().filter(t -> t.signalTypes().contains(signalType)).forEach(t -> clauses.addAll(profiles(t)));
        if (!clauses.isEmpty()) {
            // For a case of illness, the clause that names 食源性疾病 is the owner's, not one that names its food.
            List<ClauseProfile> candidates = !"illness".equals(signalType) ? clauses
                    : clauses.stream().filter(c -> RoutingWords.timesNamed(c.text(), words) > 0).toList();
            ClauseScore bestMatch = candidates.stream().map(scores::get)
                    .filter(sc -> sc != null && sc.eligible()).sorted(ORDER).findFirst().orElse(null);
            if (bestMatch != null) {
                List<String> reasons = new ArrayList<>();
                reasons.add("计划中负责该类信号的任务，取与信号最相符的条款");
                reasons.addAll(bestMatch.reasons());
                return new Owner(bestMatch.profile(), "owner", reasons);
            }
            List<List<String>> wordSets = "illness".equals(signalType)
                    ? List.of(words, RoutingWords.SIGNALS.get("monitoring")) : List.of(words);
            for (List<String> set : wordSets) {
                for (ClauseProfile clause : clauses) {
                    if (RoutingWords.timesNamed(clause.text(), set) > 0) {
                        return new Owner(clause, "owner", List.of("计划中负责该类信号的条款（点名" + String.join("/", set) + "）"));
                    }
                }
            }
            return new Owner(clauses.get(0), "owner", List.of("计划中负责该类信号的任务"));
        }
        Owner byUnit = ownerByUnit(plan, signalType);
        if (byUnit != null) {
            return byUnit;
        }
        if (!"monitoring".equals(signalType)) {
            Owner monitoring = owner(plan, "monitoring", scores);
            if (monitoring != null) {
                return new Owner(monitoring.profile(), "fallback", List.of("计划无该类信号的责任条款，由风险监测条款兜底"));
            }
        }
        return null;
    }

    /**
     * A plan without an owner task for complaints or 舆情 (河北 2023, 西青 2021 have no 投诉举报 clause):
     * the clause where the unit that handles them in the Tianjin plans is sole lead and that names
     * enforcement (投诉 → 区市场监管局: 武清 （二十五）, 蓟州 3.（十二）.4) or the signal's own words.
     */
    private Owner ownerByUnit(Plan plan, String signalType) {
        String ownerKey = TianjinTemplate.ownerKey(signalType);
        if (ownerKey == null) {
            return null;
        }
        List<String> words = "complaint".equals(signalType) ? ENFORCEMENT_WORDS
                : RoutingWords.SIGNALS.getOrDefault(signalType, List.of());
        ClauseProfile best = null;
        int bestCount = 0;
        for (PlanTask task : plan.tasks()) {
            for (ClauseProfile clause : profiles(task)) {
                List<String> leads = clause.clause().leadUnits();
                if (leads.size() != 1 || !ownerKey.equals(TianjinTemplate.unitKey(UnitNames.current(plan, leads.get(0))))) {
                    continue;
                }
                int count = RoutingWords.timesNamed(clause.text(), words);
                if (count > bestCount) {
                    best = clause;
                    bestCount = count;
                }
            }
        }
        return best == null ? null : new Owner(best, "owner-by-unit", List.of("计划无" + signalName(signalType)
                + "条款；按天津各区计划，由" + TianjinTemplate.ownerUnit(signalType) + "处置，取其牵头的执法条款"));
    }

    private static String signalName(String signalType) {
        return switch (signalType) {
            case "complaint" -> "投诉举报";
            case "opinion" -> "舆情";
            case "illness" -> "食源性疾病";
            case "sampling" -> "抽检";
            default -> "风险监测";
        };
    }

    /** Says on the alert when the plan is not the district's own plan for the signal's year. */
    private static String planNote(Plan plan, RoutingQuery query) {
        if (plan.template()) {
            return "本区无食品安全计划：按天津各区计划的责任分工（模板）确定责任单位，未采用" + plan.title();
        }
        if (plan.year() != query.year()) {
            return "本区无" + query.year() + "年计划，按" + plan.year() + "年计划（" + plan.title() + "），责任单位按现名";
        }
        return null;
    }
}
