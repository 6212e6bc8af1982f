package org.foodrisk.plan;

import org.foodrisk.ingest.SamplingPrograms;
import org.foodrisk.ingest.LeanMeatPowder;
import org.foodrisk.ingest.Signal;
import org.foodrisk.reference.FoodLexicon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which sampling results a plan's 抽检量 / 抽检密度 / 合格率 target counts, read from what the target
 * names (issue 15): its agency, its 大类, its program (快检 / 定量检测 / 例行监测), its foods (蔬菜, 水产品,
 * 生鲜乳, 猪肉 …), the hazards tested (农残, 兽药残留, 瘦肉精), and 产地 / 基地. A result either counts (YES),
 * does not (NO), or cannot say (UNKNOWN: it lacks a field the target needs, e.g. no agency or no items) —
 * so a target is never judged on results that may or may not belong to it.
 *
 * <p>Choices, where the plans leave room:
 * <ul>
 *   <li>One result is one 批次 = one 份 = one 个 (a sample); targets in 份/个 are counted like 批次.</li>
 *   <li>Programs as {@link SamplingPrograms}: 监督抽检 and 例行监测 count, 快检 / 风险监测 / 你点我检 do not — unless
 *       the target names them (快检 for 速检 / 快速检测, 例行监测 or 风险监测 for a target of that program only).</li>
 *   <li>So 快检 results count only for targets that name 快速检测 / 速检 / 快检 (蓟州: 生鲜乳 586个, 瘦肉精 6万份,
 *       水产品速检 190个): a rapid screen is not an 抽检 batch, and 蓟州's 4份/千人 (~3,200) plainly excludes
 *       the 60,000 瘦肉精 strips.</li>
 *   <li>The agency is a filter for volumes (抽检量, 抽检密度: the agency that commissioned the result), not for
 *       合格率 (the agency answers for the products' pass rate, whoever sampled them). A collective agency
 *       (各食品安全监管部门, 各部门, 成员单位) filters nothing.</li>
 *   <li>基地 is read from the sampled business's name (基地 / 园区 / 示范场); 产地 from the stage 种植养殖.</li>
 *   <li>Targets for agricultural inputs (农药, 兽药, 饲料 products) count nothing: the service receives food
 *       results only, so such a target is not measurable, and says why.</li>
 * </ul>
 */
public final class TargetScope {

    public enum Match { YES, NO, UNKNOWN }

    /** The metrics counted from sampling results. */
    public static final Set<String> COUNTED_METRICS = Set.of("抽检量", "抽检密度", "合格率");

    private static final String RAPID = "快检";
    private static final List<String> SUBCATEGORIES = List.of("蔬菜", "水产品", "水果", "畜禽肉");
    private static final List<String> FOODS = List.of("生鲜乳", "猪肉", "牛肉", "羊肉");
    private static final List<String> INPUTS = List.of("农药", "兽药", "饲料", "农资");
    private static final List<String> BASE_WORDS = List.of("基地", "园区", "示范场");

    private final String key;
    private final String notMeasurable;
    private final String agencyKey;
    private final String category;
    private final String program;
    private final boolean rapid;
    private final boolean origin;
    private final boolean base;
    private final String subcategory;
    private final List<String> foods;
    private final Set<String> hazards;
    private final boolean leanMeatPowder;
    private final List<String> described;

    private TargetScope(String key, String notMeasurable, String agencyKey, String category, String program,
                        boolean rapid, boolean origin, boolean base, String subcategory, List<String> foods,
                        Set<String> hazards, boolean leanMeatPowder, List<String> described) {
        this.key = key;
        this.notMeasurable = notMeasurable;
        this.agencyKey = agencyKey;
        this.category = category;
        this.program = program;
        this.rapid = rapid;
        this.origin = origin;
        this.base = base;
        this.subcategory = subcategory;
        this.foods = foods;
        this.hazards = hazards;
        this.leanMeatPowder = leanMeatPowder;
        this.described = described;
    }

    /** Whether the target is one the service counts from sampling results (抽检量, 抽检密度, 合格率). */
    public static boolean counted(PlanTask.Target target) {
        return COUNTED_METRICS.contains(target.metric());
    }

    /**
     * The target's key in the tallies: the task and the target's scope as written (a volume and its density
     * share it; a pass rate, which counts every agency's results, has its own).
     */
    public static String keyOf(String taskId, PlanTask.Target target) {
        return taskId + "|" + target.scope() + ("合格率".equals(target.metric()) ? "|合格率" : "");
    }

    public static TargetScope of(String taskId, PlanTask.Target target) {
        String key = keyOf(taskId, target);
        String scope = target.scope() == null ? "" : target.scope();
        boolean residue = scope.contains("残留") || scope.contains("农残");
        if (!residue && INPUTS.stream().anyMatch(scope::contains) && !scope.contains("食品")) {
            String input = INPUTS.stream().filter(scope::contains).findFirst().orElseThrow();
            return new TargetScope(key, "本服务只接收食品、食用农产品的检验结果，" + input
                    + "（农业投入品）产品抽检结果不在数据中", null, null, null, false, false, false, null, List.of(),
                    Set.of(), false, List.of());
        }
        List<String> described = new ArrayList<>();
        String agencyKey = null;
        if (!"合格率".equals(target.metric()) && target.agency() != null && !AgencyNames.collective(target.agency())) {
            agencyKey = AgencyNames.key(target.agency());
            described.add(target.agency() + "委托");
        }
        String category = target.foodCategory();
        if (category != null) {
            described.add(category);
        }
        boolean rapid = scope.contains("快速检测") || scope.contains("速检") || scope.contains(RAPID);
        String program = null;
        if (scope.contains("例行监测")) {
            program = "例行监测";
        } else if (scope.contains("风险监测")) {
            program = "风险监测";
        }
        if (program != null) {
            described.add(program);
        }
        described.add(rapid ? "快检" : "不含快检");
        boolean origin = scope.contains("产地");
        if (origin) {
            described.add("产地（种植养殖环节）");
        }
        boolean base = scope.contains("基地") && !scope.contains("区级") && !scope.contains("镇级");
        if (base) {
            described.add("基地（受检单位名称含基地/园区/示范场）");
        }
        String subcategory = scope.contains("放心菜") ? "蔬菜"
                : SUBCATEGORIES.stream().filter(scope::contains).findFirst().orElse(null);
        List<String> foods = FOODS.stream().filter(scope::contains).toList();
        if (!foods.isEmpty()) {
            described.add(String.join("、", foods));
            subcategory = null;
        } else if (subcategory != null) {
            described.add(subcategory);
        }
        Set<String> hazards = new LinkedHashSet<>();
        if (scope.contains("农药") && residue || scope.contains("农残")) {
            hazards.add("农药残留");
        }
        if (scope.contains("兽药") && residue || scope.contains("药物残留")) {
            hazards.add("兽药残留");
        }
        boolean leanMeatPowder = scope.contains("瘦肉精");
        if (leanMeatPowder) {
            described.add("检验瘦肉精");
        } else if (!hazards.isEmpty()) {
            described.add("检验" + String.join("或", hazards));
        }
        return new TargetScope(key, null, agencyKey, category, program, rapid, origin, base, subcategory, foods,
                Set.copyOf(hazards), leanMeatPowder, List.copyOf(described));
    }

    public String key() {
        return key;
    }

    public boolean measurable() {
        return notMeasurable == null;
    }

    /**
     * Whether the target is about its whole 大类 (乳制品抽检合格率), not narrowed to a program, 产地, 基地, foods or
     * hazards: only such a 合格率 can judge a district × category's pass rate.
     */
    public boolean wholeCategory() {
        return measurable() && program == null && !rapid && !origin && !base && subcategory == null && foods.isEmpty()
                && hazards.isEmpty() && !leanMeatPowder;
    }

    /** Why the target cannot be counted from the data the service receives, or null. */
    public String notMeasurableReason() {
        return notMeasurable;
    }

    /** What the target counts, in short Chinese (e.g. 区农委委托、食用农产品、快检、生鲜乳). */
    public String description() {
        return measurable() ? String.join("、", described) : "不可统计";
    }

    /** Whether a sampling result counts for the target. */
    public Match matches(Signal s) {
        if (!measurable()) {
            return Match.NO;
        }
        List<Match> parts = new ArrayList<>();
        String resultProgram = s.tagValue("program");
        if (rapid) {
            parts.add(RAPID.equals(resultProgram) ? Match.YES : Match.NO);
        } else if (program != null) {
            parts.add(program.equals(resultProgram) ? Match.YES : Match.NO);
        } else {
            parts.add(SamplingPrograms.countsInPassRates(resultProgram) ? Match.YES : Match.NO);
        }
        if (category != null) {
            parts.add(s.foodCategory() == null ? Match.UNKNOWN : category.equals(s.foodCategory()) ? Match.YES : Match.NO);
        }
        if (agencyKey != null) {
            String resultAgency = AgencyNames.key(s.agency());
            parts.add(resultAgency == null ? Match.UNKNOWN : agencyKey.equals(resultAgency) ? Match.YES : Match.NO);
        }
        if (origin) {
            parts.add(s.stage() == null ? Match.UNKNOWN : "种植养殖".equals(s.stage()) ? Match.YES : Match.NO);
        }
        if (base) {
            String name = s.enterpriseName();
            parts.add(name == null || name.isBlank() ? Match.UNKNOWN
                    : BASE_WORDS.stream().anyMatch(name::contains) ? Match.YES : Match.NO);
        }
        if (!foods.isEmpty()) {
            String name = s.foodName() == null ? "" : s.foodName();
            parts.add(foods.stream().anyMatch(name::contains) || ("生鲜乳".equals(foods.get(0)) && name.contains("生乳"))
                    ? Match.YES : Match.NO);
        }
        if (subcategory != null) {
            parts.add(subcategoryMatch(s));
        }
        if (leanMeatPowder || !hazards.isEmpty()) {
            parts.add(testedMatch(s));
        }
        if (parts.contains(Match.NO)) {
            return Match.NO;
        }
        return parts.contains(Match.UNKNOWN) ? Match.UNKNOWN : Match.YES;
    }

    /**
     * Whether a result that counts fails the target: it failed, and — for a target about some hazards
     * (药物残留抽检合格率) — failed for one of them.
     */
    public boolean failedFor(Signal s) {
        if (!s.failed()) {
            return false;
        }
        if (hazards.isEmpty()) {
            return true;
        }
        return s.findings().isEmpty() || s.findings().stream().anyMatch(f -> hazards.contains(f.hazardClass()));
    }

    /** The fields a result must give to be placed, for the note when many do not. */
    public String needs() {
        List<String> needs = new ArrayList<>();
        if (agencyKey != null) {
            needs.add("抽检机构");
        }
        if (origin) {
            needs.add("环节");
        }
        if (base) {
            needs.add("受检单位名称");
        }
        if (subcategory != null) {
            needs.add("食品小类");
        }
        if (leanMeatPowder || !hazards.isEmpty()) {
            needs.add("检验项目");
        }
        return needs.isEmpty() ? "所需字段" : String.join("、", needs);
    }

    private Match subcategoryMatch(Signal s) {
        String tagged = s.tagValue("subcategory");
        String known = tagged != null ? tagged : FoodLexicon.bundled().subcategoryOf(s.foodName()).orElse(null);
        if (known != null) {
            return known.contains(subcategory) ? Match.YES : Match.NO;
        }
        // Only 食用农产品 has these 小类; a processed food is none of them.
        return s.foodCategory() != null && !"食用农产品".equals(s.foodCategory()) ? Match.NO : Match.UNKNOWN;
    }

    private Match testedMatch(Signal s) {
        if (leanMeatPowder) {
            boolean named = s.hasTag(LeanMeatPowder.TESTED_TAG)
                    || s.findings().stream().anyMatch(f -> LeanMeatPowder.named(f.item()));
            if (named) {
                return Match.YES;
            }
            return s.testedHazardClasses().isEmpty() ? Match.UNKNOWN : Match.NO;
        }
        List<String> tested = s.testedHazardClasses();
        if (tested.isEmpty()) {
            return Match.UNKNOWN;
        }
        return tested.stream().anyMatch(hazards::contains) ? Match.YES : Match.NO;
    }

    @Override
    public String toString() {
        return key + " (" + description().toLowerCase(Locale.ROOT) + ")";
    }
}
