package org.foodrisk.connect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.foodrisk.districts.TianjinDistrictTable;

/**
 * The 16 districts of Tianjin (GB/T 2260) and how addresses name them, so that a sampling
 * notice row can be placed from the sampled business's address or name.
 *
 * <p>The districts, their former county names and the older names still seen in addresses
 * (塘沽, 武清县 …) are the shared {@link TianjinDistrictTable} (topics module; its resource cites
 * shared/reference/districts.md).
 */
public final class TianjinDistricts {

    /** A district: 6-digit code and official name. */
    public record District(String code, String name) {
    }

    /** Official name to code. */
    private static final Map<String, String> CODES = new LinkedHashMap<>();
    /**
     * An alias (official, former or older address name) to the official name. Their order does not
     * matter: {@link #find} takes the earliest match, and the only aliases that can match at the
     * same position (塘沽, 塘沽区) name the same district.
     */
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        for (TianjinDistrictTable.Row row : TianjinDistrictTable.rows()) {
            CODES.put(row.name(), row.code());
            ALIASES.put(row.name(), row.name());
        }
        // Former names (county or pre-2009 districts) still seen in addresses.
        for (TianjinDistrictTable.Row row : TianjinDistrictTable.rows()) {
            row.formerNames().forEach(formerName -> ALIASES.put(formerName, row.name()));
            row.addressNames().forEach(addressName -> ALIASES.put(addressName, row.name()));
        }
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
