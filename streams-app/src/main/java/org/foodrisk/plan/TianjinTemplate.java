package org.foodrisk.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who handles each signal in a Tianjin district, as the four Tianjin plans agree — the answer for a
 * district without a plan of its own (issue 15 part 3), instead of the XX县 county text whose units
 * (省食安委各成员单位, 农业农村局 …) no Tianjin district has:
 * <ul>
 * <li>抽检: 区市场监管局, with 区农业农村委 for 食用农产品 (武清 （十一）, 西青 18., 河北 （十一）, 蓟州 3.（八）.1);</li>
 * <li>食源性疾病 and 风险监测: 区卫生健康委 (武清 （十二）, 河北 （十五）, 西青 16., 蓟州 3.（八）.2 区卫计委);</li>
 * <li>投诉举报: 区市场监管局 (武清 （二十五）, 蓟州 3.（十二）.4);</li>
 * <li>舆情: 区委网信办 with 区委宣传部 (武清 （二十六）, 河北 （二十四）; 西青 24. 区委宣传部);</li>
 * <li>校园: 区市场监管局 with 区教育局 and 区卫生健康委 (武清 （十五）, 西青 14., 河北 （六）, 蓟州 3.（七）.15);
 * 农村集体聚餐: 区市场监管局 and 区农业农村委 (西青 21., 蓟州 3.（七）.14); 养老机构: 区市场监管局 with 区民政局
 * (武清 （十五）, 蓟州 3.（七）.16); 集体用餐: 区市场监管局 (武清 （十五）, 西青 14.).</li>
 * </ul>
 * Unit names are a Tianjin district's own (区市场监管局 is each district's bureau).
 */
final class TianjinTemplate {

    static final String TITLE = "天津市区级食品安全计划责任分工（由武清、河北、西青、蓟州四区计划归纳）";
    static final String PLAN_ID = "tianjin-district-template";

    private TianjinTemplate() {
    }

    static String ownerUnit(String signalType) {
        return switch (signalType == null ? "" : signalType) {
            case "sampling", "complaint" -> "区市场监管局";
            case "illness", "monitoring" -> "区卫生健康委";
            case "opinion" -> "区委网信办";
            default -> null;
        };
    }

    static String ownerKey(String signalType) {
        return unitKey(ownerUnit(signalType));
    }

    /** The unit's kind, whatever its generation's name (区卫计委 and 区卫生健康委 are one). */
    static String unitKey(String unit) {
        if (unit == null) {
            return null;
        }
        if (unit.contains("网信")) {
            return "网信";
        }
        return AgencyNames.key(unit);
    }

    /** The template's answer: the setting's clause (if any) and the signal's owner, in the router's order. */
    static List<PlanTaskRef> route(RoutingQuery query, String note) {
        List<PlanTaskRef> refs = new ArrayList<>();
        PlanTaskRef owner = owner(query, note);
        PlanTaskRef setting = setting(query, note);
        boolean ownerFirst = "complaint".equals(query.signalType()) || "opinion".equals(query.signalType());
        if (ownerFirst && owner != null) {
            refs.add(owner);
        }
        if (setting != null) {
            refs.add(setting);
        }
        if (!ownerFirst && owner != null) {
            refs.add(owner);
        }
        return refs;
    }

    private static PlanTaskRef owner(RoutingQuery q, String note) {
        String signal = q.signalType() == null ? "" : q.signalType();
        return switch (signal) {
            case "sampling" -> {
                boolean farm = "食用农产品".equals(q.foodCategory())
                        || "食用农产品".equals(RoutingWords.categoryOf(q.foodName()));
                yield ref("sampling", "抽检", "食品安全抽检及不合格核查处置",
                        farm ? List.of("区市场监管局", "区农业农村委") : List.of("区市场监管局"), List.of(), note,
                        farm ? "武清（十一）、西青18.：食用农产品由区农业农村委、区市场监管局按职责分工负责"
                                : "武清（十一）、河北（十一）、西青18.：食品抽检由区市场监管局负责");
            }
            case "illness", "monitoring" -> ref(signal, "监测", "食源性疾病与风险监测", List.of("区卫生健康委"), List.of(),
                    note, "武清（十二）、河北（十五）、西青16.、蓟州3.（八）.2：区卫生健康委负责");
            case "complaint" -> ref("complaint", "投诉", "投诉举报处置", List.of("区市场监管局"), List.of(), note,
                    "武清（二十五）、蓟州3.（十二）.4：区市场监管局负责");
            case "opinion" -> ref("opinion", "舆情", "舆情监测与处置", List.of("区委网信办"), List.of("区委宣传部"), note,
                    "武清（二十六）、河北（二十四）：区委网信办牵头");
            default -> null;
        };
    }

    private static PlanTaskRef setting(RoutingQuery q, String note) {
        Set<String> settings = RoutingWords.settingsOf(q.setting());
        if (settings.contains("校园")) {
            return ref("school", "校园", "校园食品安全", List.of("区市场监管局"), List.of("区教育局", "区卫生健康委"), note,
                    "武清（十五）、西青14.、河北（六）、蓟州3.（七）.15：区市场监管局牵头，区教育局、区卫生健康委配合");
        }
        if (settings.contains("农村集体聚餐")) {
            return ref("rural-banquet", "聚餐", "农村集体聚餐食品安全", List.of("区市场监管局", "区农业农村委"), List.of(), note,
                    "西青21.、蓟州3.（七）.14：区市场监管局、区农业农村委负责");
        }
        if (settings.contains("养老机构")) {
            return ref("elderly-care", "养老", "养老机构食堂食品安全", List.of("区市场监管局"), List.of("区民政局"), note,
                    "武清（十五）、蓟州3.（七）.16：区市场监管局、区民政局");
        }
        if (settings.contains("集体用餐")) {
            return ref("canteen", "集体用餐", "集中用餐单位食品安全", List.of("区市场监管局"), List.of(), note,
                    "武清（十五）、西青14.：区市场监管局");
        }
        return null;
    }

    private static PlanTaskRef ref(String id, String number, String title, List<String> leads, List<String> coUnits,
                                   String note, String source) {
        String asWritten = String.join("、", leads) + (coUnits.isEmpty() ? "负责" : "牵头，" + String.join("、", coUnits) + "配合");
        PlanClause clause = new PlanClause(1, asWritten, source, leads, coUnits);
        return new PlanTaskRef(PLAN_ID + ":" + id, TITLE, number, title, leads, coUnits, "template", clause, leads,
                coUnits, null, note, List.of("本区无计划：按天津各区计划的同类信号责任分工（" + source + "）"));
    }
}
