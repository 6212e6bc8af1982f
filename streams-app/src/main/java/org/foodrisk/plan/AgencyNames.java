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
