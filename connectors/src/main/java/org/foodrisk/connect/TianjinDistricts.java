package org.foodrisk.connect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 16 districts of Tianjin (GB/T 2260) and how addresses name them, so that a sampling
 * notice row can be placed from the sampled business's address or name.
 */
public final class TianjinDistricts {

    /** A district: 6-digit code and official name. */
    public record District(String code, String name) {
    }

    /** Official name to code. */
    private static final Map<String, String> CODES = new LinkedHashMap<>();
    /** Longest aliases first: an alias (short or former name) to the official name. */
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        String[][] districts = {
            {"120101", "和平区"}, {"120102", "河东区"}, {"120103", "河西区"}, {"120104", "南开区"},
            {"120105", "河北区"}, {"120106", "红桥区"}, {"120110", "东丽区"}, {"120111", "西青区"},
            {"120112", "津南区"}, {"120113", "北辰区"}, {"120114", "武清区"}, {"120115", "宝坻区"},
            {"120116", "滨海新区"}, {"120117", "宁河区"}, {"120118", "静海区"}, {"120119", "蓟州区"},
        };
        for (String[] d : districts) {
            CODES.put(d[1], d[0]);
            ALIASES.put(d[1], d[1]);
        }
        // Former names (county or pre-2009 districts) still seen in addresses.
        ALIASES.put("蓟县", "蓟州区");
        ALIASES.put("宁河县", "宁河区");
        ALIASES.put("静海县", "静海区");
        ALIASES.put("武清县", "武清区");
        ALIASES.put("宝坻县", "宝坻区");
        ALIASES.put("塘沽区", "滨海新区");
        ALIASES.put("汉沽区", "滨海新区");
        ALIASES.put("大港区", "滨海新区");
        ALIASES.put("塘沽", "滨海新区");
        ALIASES.put("汉沽", "滨海新区");
        ALIASES.put("大港", "滨海新区");
        // Short names, only after "天津" or "天津市" (checked in find) because 河北/河东/南开 are
        // also provinces or common words.
    }

    private TianjinDistricts() {
    }

    /** The district with this official name or code. */
    public static Optional<District> byNameOrCode(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String s = nameOrCode.strip();
        if (CODES.containsKey(s)) {
            return Optional.of(new District(CODES.get(s), s));
        }
        return CODES.entrySet().stream()
                .filter(e -> e.getValue().equals(s))
                .findFirst()
                .map(e -> new District(e.getValue(), e.getKey()));
    }

    /**
     * The first Tianjin district an address or a business name names: official names and
     * former names anywhere, short names (武清, 宝坻, ...) only right after 天津/天津市.
     */
    public static Optional<District> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.replaceAll("\\s+", "");
        int best = Integer.MAX_VALUE;
        String bestName = null;
        for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
            int at = s.indexOf(alias.getKey());
            if (at >= 0 && at < best) {
                best = at;
                bestName = alias.getValue();
            }
        }
        if (bestName == null) {
            for (String name : CODES.keySet()) {
                String shortName = name.substring(0, name.length() - (name.endsWith("新区") ? 2 : 1));
                if (s.contains("天津市" + shortName) || s.contains("天津" + shortName)) {
                    bestName = name;
                    break;
                }
            }
        }
        return Optional.ofNullable(bestName).map(n -> new District(CODES.get(n), n));
    }
}
