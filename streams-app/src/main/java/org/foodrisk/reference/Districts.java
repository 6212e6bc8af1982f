package org.foodrisk.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 16 districts of Tianjin: code ↔ name, former names, and their towns (read from text by
 * {@link org.foodrisk.text.TextExtractor}).
 *
 * <p>Source: shared/reference/districts.md — codes from GB/T 2260 (repository cn/GB2260,
 * mca/202112.tsv), populations from the 7th census (2020-11-01), former names from
 * mca/201412–201612, towns from the NBS 统计用区划代码 2023 (modood/Administrative-divisions-of-China).
 */
public final class Districts {

    /** Towns (街道/镇/乡) by district code, from /foodrisk/text/towns.tsv (its header cites the source). */
    private static final Map<String, List<String>> TOWNS = loadTowns("/foodrisk/text/towns.tsv");

    private static final List<District> ALL = List.of(
            d("120101", "和平区", 355_000),
            d("120102", "河东区", 858_787),
            d("120103", "河西区", 822_174),
            d("120104", "南开区", 890_422),
            d("120105", "河北区", 647_702),
            d("120106", "红桥区", 483_130),
            d("120110", "东丽区", 857_027),
            d("120111", "西青区", 1_195_124),
            d("120112", "津南区", 928_066),
            d("120113", "北辰区", 909_643),
            d("120114", "武清区", 1_151_313),
            d("120115", "宝坻区", 722_367),
            d("120116", "滨海新区", 2_067_318),
            new District("120117", "宁河区", 395_314, List.of("宁河县"), TOWNS.getOrDefault("120117", List.of())),
            new District("120118", "静海区", 787_106, List.of("静海县"), TOWNS.getOrDefault("120118", List.of())),
            new District("120119", "蓟州区", 795_516, List.of("蓟县"), TOWNS.getOrDefault("120119", List.of())));

    /** Former codes (before the 县 → 区 changes) map to today's code. */
    private static final Map<String, String> FORMER_CODES = Map.of(
            "120221", "120117", "120223", "120118", "120225", "120119");

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

    private static District d(String code, String name, long population) {
        return new District(code, name, population, List.of(), TOWNS.getOrDefault(code, List.of()));
    }

    private static Map<String, List<String>> loadTowns(String resource) {
        Map<String, List<String>> towns = new LinkedHashMap<>();
        try (java.io.InputStream in = Districts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                towns.computeIfAbsent(fields[2].strip(), k -> new ArrayList<>()).add(fields[0]);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
