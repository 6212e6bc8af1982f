package org.foodrisk.plan;

/**
 * Who handles each signal type in a Tianjin district, as the four Tianjin plans agree: 抽检 the
 * market regulator (and agriculture for 食用农产品: 武清 （十一）, 西青 18.), 食源性疾病 and 风险监测 the
 * health commission (武清 （十二）, 河北 （十五）, 西青 16., 蓟州 3.（八）.2), 投诉举报 the market regulator
 * (武清 （二十五）, 蓟州 3.（十二）.4), 舆情 the cyberspace office (武清 （二十六）, 河北 （二十四）).
 */
final class TianjinTemplate {

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
}
