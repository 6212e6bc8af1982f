package org.foodrisk.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.foodrisk.districts.TianjinDistrictTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 16 districts of Tianjin: code ↔ name, former names, and their towns (read from text by
 * {@code org.foodrisk.text.TextExtractor}, streams-app).
 *
 * <p>Codes, names, populations and former county names and codes are the shared
 * {@link TianjinDistrictTable} (this module; its resource cites shared/reference/districts.md).
 * Towns are from the NBS 统计用区划代码 2023 (modood/Administrative-divisions-of-China), in
 * /foodrisk/text/towns.tsv. The table's address names (塘沽, 武清县 …) are not aliases here: only
 * the sampling-notice connector matches them.
 */
public final class Districts {

    /** Towns (街道/镇/乡) by district code, from /foodrisk/text/towns.tsv (its header cites the source). */
    private static final Map<String, List<String>> TOWNS = loadTowns("/foodrisk/text/towns.tsv");

    private static final List<District> ALL = List.copyOf(TianjinDistrictTable.rows().stream()
            .map(row -> new District(row.code(), row.name(), row.population(), row.formerNames(),
                    TOWNS.getOrDefault(row.code(), List.of())))
            .toList());

    /** Former codes (before the 县 → 区 changes) map to today's code. */
    private static final Map<String, String> FORMER_CODES = formerCodes();

    private static final Map<String, District> BY_CODE = new LinkedHashMap<>();
    private static final Map<String, District> BY_NAME = new LinkedHashMap<>();
    static {
        for (District district : ALL) {
            BY_CODE.put(district.code(), district);
            BY_NAME.put(district.name(), district);
            district.aliases().forEach(alias -> BY_NAME.put(alias, district));
        }
    }

    private Districts() {
    }

    private static Map<String, String> formerCodes() {
        Map<String, String> formerCodes = new LinkedHashMap<>();
        for (TianjinDistrictTable.Row row : TianjinDistrictTable.rows()) {
            row.formerCodes().forEach(formerCode -> formerCodes.put(formerCode, row.code()));
        }
        return Map.copyOf(formerCodes);
    }

    private static Map<String, List<String>> loadTowns(String resource) {
        Map<String, List<String>> towns = new LinkedHashMap<>();
        try (InputStream in = Districts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                towns.computeIfAbsent(fields[2].strip(), k -> new ArrayList<>()).add(fields[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        towns.replaceAll((code, names) -> List.copyOf(names));
        return towns;
    }

    public static List<District> all() {
        return ALL;
    }

    public static Optional<District> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String current = FORMER_CODES.getOrDefault(code, code);
        return Optional.ofNullable(BY_CODE.get(current));
    }

    /** By name as written: 武清区, 武清, 天津市武清区, 蓟县. */
    public static Optional<District> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.strip().replaceFirst("^天津市?", "");
        District exact = BY_NAME.get(trimmed);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (trimmed.length() >= 2 && !trimmed.endsWith("区") && !trimmed.endsWith("县")) {
            return Optional.ofNullable(BY_NAME.get(trimmed + "区"));
        }
        return Optional.empty();
    }
}
