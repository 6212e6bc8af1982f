package org.foodrisk.disposal;

import org.foodrisk.plan.AgencyNames;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.foodrisk.plan.PlanTask;
import org.foodrisk.plan.UnitNames;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which unit answers for the 核查处置 of a 不合格 result: the agency that supervises the stage it was
 * sampled at, in its district. The mapping follows the agencies' statutory remits (食品安全法 and the
 * 农产品质量安全法; the plans' own task split says the same):
 * <ul>
 *   <li>生产 / 流通 / 餐饮 / 网络销售, and a result without a stage → 市场监管 (市场监管部门 supervise
 *       food from the factory to the table; an unknown stage is most often 流通);</li>
 *   <li>种植养殖 / 屠宰 → 农业农村 (primary production and slaughter are the agriculture system's);</li>
 *   <li>进口 → 海关 (imported food before it clears customs);</li>
 *   <li>储备 → the plan's 粮食 unit (区粮食办, 区粮食中心) where it names one, else 市场监管.</li>
 * </ul>
 * The unit's name is the one the district's own plan uses (its most frequent spelling of that agency,
 * a "区…" form before a short one, under its current name — {@link UnitNames}), so that the case reaches the members of the unit as they are
 * configured. A district without a plan of its own — or a plan that never names the agency (河北区 has no
 * 农业农村 unit) — gets the Tianjin 区 name of the agency ({@link #DEFAULT_NAMES}); the county template's
 * names (市场监管局, 农业农村局) are never used, since no Tianjin district is called that.
 */
public final class DisposalUnits {

    static final String CUSTOMS = "海关";
    static final String GRAIN = "粮食";

    /** The unit names a Tianjin 区 uses, from the four Tianjin plans; 海关 has no district-level name. */
    static final Map<String, String> DEFAULT_NAMES = Map.of(
            AgencyNames.MARKET_REGULATION, "区市场监管局",
            AgencyNames.AGRICULTURE, "区农业农村委",
            CUSTOMS, "属地海关");

    /** The unit of a case, how it was chosen, and the plan it was read from (null without one). */
    public record Assignment(String unit, String basis, Plan plan) {
    }

    private final PlanCatalog catalog;

    public DisposalUnits(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    public Assignment assign(String districtCode, String districtName, int year, String stage) {
        String byStage = agencyOf(stage);
        Optional<Plan> plan = catalog.planFor(districtCode, districtName, year).filter(p -> !p.template());
        Optional<String> named = plan.flatMap(p -> mostUsedName(p, byStage));
        String agency = byStage;
        if (named.isEmpty() && GRAIN.equals(agency)) {
            agency = AgencyNames.MARKET_REGULATION;
            named = plan.flatMap(p -> mostUsedName(p, AgencyNames.MARKET_REGULATION));
        }
        String stageWord = stage == null || stage.isBlank() ? "环节未注明" : stage + "环节";
        if (named.isPresent()) {
            // Today's name of the unit (蓟州 2018's 区农委 is 区农业农村委), as routing names an alert's units
            // (UnitNames): the members who act on cases and on alerts sign in with one unit name.
            return new Assignment(UnitNames.current(plan.get(), named.get()), stageWord + "由" + agencyWord(agency) + "部门核查处置；单位名称按"
                    + plan.get().title(), plan.get());
        }
        String unit = DEFAULT_NAMES.get(agency);
        return new Assignment(unit, stageWord + "由" + agencyWord(agency) + "部门核查处置；"
                + (plan.isEmpty() ? "本区无本地计划" : plan.get().title() + "未列该部门") + "，用天津各区通用名称",
                plan.orElse(null));
    }

    static String agencyOf(String stage) {
        if (stage == null) {
            return AgencyNames.MARKET_REGULATION;
        }
        return switch (stage.strip()) {
            case "种植养殖", "屠宰" -> AgencyNames.AGRICULTURE;
            case "进口" -> CUSTOMS;
            case "储备" -> GRAIN;
            default -> AgencyNames.MARKET_REGULATION;
        };
    }

    private static String agencyWord(String agency) {
        return switch (agency) {
            case AgencyNames.AGRICULTURE -> "农业农村";
            case CUSTOMS -> "海关";
            case GRAIN -> "粮食";
            default -> "市场监管";
        };
    }

    /** The plan's most frequent name of the agency among its tasks' units ("区…" first on a tie). */
    private static Optional<String> mostUsedName(Plan plan, String agency) {
        Map<String, Integer> uses = new LinkedHashMap<>();
        for (PlanTask task : plan.tasks()) {
            task.leadUnits().forEach(u -> count(uses, u, agency));
            task.coUnits().forEach(u -> count(uses, u, agency));
        }
        return uses.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getKey().startsWith("区") ? 1 : 0)
                        .thenComparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    private static void count(Map<String, Integer> uses, String unit, String agency) {
        if (unit == null) {
            return;
        }
        boolean matches = switch (agency) {
            case CUSTOMS -> unit.contains("海关");
            case GRAIN -> unit.contains("粮食");
            default -> agency.equals(AgencyNames.key(unit)) && !unit.startsWith("各");
        };
        if (matches) {
            uses.merge(unit, 1, Integer::sum);
        }
    }
}
