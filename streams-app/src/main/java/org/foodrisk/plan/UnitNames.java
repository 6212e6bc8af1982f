package org.foodrisk.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One name per unit within a plan, so that accountability and "who may act" do not split one unit
 * into two. Two things differ from the name a unit signs in with:
 * <ul>
 * <li><b>Short forms.</b> 蓟州 2018 writes 区市场监管局 once and 市场监管局, 农委, 畜牧中心 after that; in a
 * district's plan a bare 局/委/中心/办/院 is the district's own (区 + name).</li>
 * <li><b>Former names.</b> The 2018–2019 institutional reform renamed the district bureaus (区卫计委 →
 * 区卫生健康委, 区农委 → 区农业农村委, 区环保局 → 区生态环境局 …; the four Tianjin plans show both
 * generations) and moved grain reserves to 发展改革委 (武清 2024 （六）, 河北 2023 （二）). A plan of an
 * earlier year answers with today's units; its own wording stays on the clause for display.</li>
 * </ul>
 * Units of another level (天津海关…, 市规划资源局西青分局), collective names (各镇乡街, 食安委成员单位) and
 * anything unknown keep their name.
 */
public final class UnitNames {

    /** Former or short names of a Tianjin district's units → the name in today's plans (武清 2024, 河北 2023). */
    private static final Map<String, String> CURRENT = Map.ofEntries(
            Map.entry("区卫计委", "区卫生健康委"),
            Map.entry("区卫健委", "区卫生健康委"),
            Map.entry("区农委", "区农业农村委"),
            Map.entry("区环保局", "区生态环境局"),
            Map.entry("区发改委", "区发展改革委"),
            Map.entry("区工信委", "区工业和信息化局"),
            Map.entry("区工信局", "区工业和信息化局"),
            Map.entry("区市容园林委", "区城市管理委"),
            Map.entry("区城管委", "区城市管理委"),
            Map.entry("区商务委", "区商务局"),
            Map.entry("区建委", "区住房建设委"),
            Map.entry("区民宗办", "区民族宗教委"),
            Map.entry("区文旅局", "区文化和旅游局"),
            Map.entry("区文广局〈新闻出版局〉", "区文化和旅游局"),
            Map.entry("区粮食办", "区发展改革委"),
            Map.entry("区粮食中心", "区发展改革委"),
            Map.entry("区公安分局", "公安分局"));

    /** Suffixes of a district bureau's name; a bare name with one of these is the district's own. */
    private static final List<String> BUREAU_SUFFIXES = List.of("局", "委", "中心", "办", "院", "分局");
    /** Names that are not one bureau (collectives, other levels) even when they end like one. */
    private static final List<String> NOT_DISTRICT_PREFIXES = List.of("区", "各", "相关", "其他", "食安委", "省",
            "天津", "公安", "镇", "街道", "园区", "市规划", "市级", "市卫", "市环保", "市工信", "市食安");

    private UnitNames() {
    }

    /** The name a unit has today, as its members sign in, for a unit as plan {@code plan} writes it. */
    public static String current(Plan plan, String unit) {
        if (unit == null) {
            return null;
        }
        String name = unit.strip();
        String district = plan == null || plan.districtName() == null ? null : plan.districtName().replace("区", "");
        if ("公安分局".equals(name)) {
            name = "区公安分局";
        }
        boolean namesTheDistrict = district != null && !district.isEmpty() && name.contains(district);
        if (plan != null && !plan.template() && !namesTheDistrict && isBareBureau(name)) {
            name = "区" + name;
        }
        String renamed = CURRENT.get(name);
        if ("公安分局".equals(renamed)) {
            // 区公安分局 is 公安<区名>分局 in the current plans (公安武清分局, 公安西青分局).
            return district == null ? name : "公安" + district + "分局";
        }
        return renamed == null ? name : renamed;
    }

    /** Each unit's current name, in order, without duplicates. */
    public static List<String> current(Plan plan, List<String> units) {
        List<String> names = new ArrayList<>();
        for (String unit : units) {
            String name = current(plan, unit);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    static boolean isBareBureau(String name) {
        return BUREAU_SUFFIXES.stream().anyMatch(name::endsWith)
                && NOT_DISTRICT_PREFIXES.stream().noneMatch(name::startsWith)
                && !name.contains("食安委") && !name.contains("成员单位") && !name.contains("海关");
    }

    /** For tests and the routing explanation: does a plan write this unit in a short or former form? */
    static boolean isRewritten(Plan plan, String unit) {
        return unit != null && !unit.strip().equals(current(plan, unit));
    }

    static Set<String> formerNames() {
        return CURRENT.keySet();
    }
}
