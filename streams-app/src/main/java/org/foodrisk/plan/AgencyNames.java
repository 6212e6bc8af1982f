package org.foodrisk.plan;

import java.util.Locale;

/**
 * One name per commissioning agency, so that a sample's {@code agency} as a lab wrote it
 * ("天津市武清区市场监督管理局", "区市场监管局", "武清区农业农村委员会") can be matched with the agency a plan
 * splits its targets by ("区市场监管局", "区农业农村委"). The plans and the labs name the same three
 * sampling agencies in several ways; the distinguishing words are stable: 市场监督/市场监管, 农业农村/农委,
 * 卫生健康/卫健. Anything else keeps its own (stripped) name and matches only itself.
 */
public final class AgencyNames {

    public static final String MARKET_REGULATION = "市场监管";
    public static final String AGRICULTURE = "农业农村";
    public static final String HEALTH = "卫生健康";

    private AgencyNames() {
    }

    /**
     * A plan's collective agency (各食品安全监管部门, 各部门, 区食安委成员单位): a target it sets is for all of
     * them together, so it counts every agency's results.
     */
    public static boolean collective(String agency) {
        if (agency == null || agency.isBlank()) {
            return false;
        }
        String name = agency.strip();
        return name.startsWith("各") || name.contains("成员单位");
    }

    /** The agency's key, or null when no agency is given. */
    public static String key(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        String name = agency.strip();
        if (name.contains("市场监督") || name.contains("市场监管") || name.contains("市场和质量")) {
            return MARKET_REGULATION;
        }
        if (name.contains("农业农村") || name.contains("农委") || name.contains("农业局")) {
            return AGRICULTURE;
        }
        if (name.contains("卫生健康") || name.contains("卫健") || name.contains("卫生局")) {
            return HEALTH;
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
