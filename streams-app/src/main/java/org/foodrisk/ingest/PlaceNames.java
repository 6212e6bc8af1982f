package org.foodrisk.ingest;

import org.foodrisk.reference.District;
import org.foodrisk.reference.Districts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key under which illness cases of one exposure place meet (the partition key of
 * {@code cases-by-exposure-place}). Reporting units write one canteen in many ways — "XX中学食堂",
 * "XX中学 食堂", "天津市XX中学食堂", full-width letters — so names are canonicalised: NFKC (full width to
 * half width), lower case, no spaces, punctuation or symbols, and no leading 天津市 / district name (the
 * key carries the district already; a bare 天津 is kept, as in 天津大学).
 *
 * <p>A home is not one place: "家中", "家庭" or "自家" written by two unrelated patients are two
 * households. A household (type 家庭, or a generic home word as the name) is keyed by its credit code
 * or address only; without either it gets no key and joins no one — one case alone is no outbreak.
 * The same holds for names that say nothing (不详, 未知 …).
 */
public final class PlaceNames {

    private static final Pattern NOT_NAME = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}\\p{Cc}\\p{Cf}]+");
    private static final Pattern GENERIC_HOME = Pattern.compile(
            "^(本人|自己|患者|病人|居民|个人|私人|其)?(家中|家庭|自家|家里|在家|家内|家|住所|住处|住宅|家庭住所|寓所|宿舍)$");
    private static final Pattern SAYS_NOTHING = Pattern.compile("^(不详|不明|未知|无|其他|其它|暂无|待查|不清楚)$");
    /** 天津市 and every district name and former name, longest first, as prefixes to strip. */
    private static final List<String> PREFIXES = prefixes();

    private PlaceNames() {
    }

    /** The canonical form of a place name or address, or null when nothing is left. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = NOT_NAME.matcher(s).replaceAll("");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : PREFIXES) {
                if (s.startsWith(prefix) && s.length() > prefix.length()) {
                    s = s.substring(prefix.length());
                    stripped = true;
                    break;
                }
            }
        }
        return s.isEmpty() ? null : s;
    }

    private static boolean saysNothing(String canonicalName) {
        return canonicalName == null || SAYS_NOTHING.matcher(canonicalName).matches()
                || GENERIC_HOME.matcher(canonicalName).matches();
    }

    /**
     * The exposure-place key: {@code credit:<code>}; else for a household {@code address:<district>:<address>};
     * else {@code name:<district>:<canonical name>} (or the address when the name says nothing); null
     * when the place cannot be told apart from others.
     */
    public static String key(String districtKey, String name, String type, String creditCode, String address) {
        if (creditCode != null && !creditCode.isBlank()) {
            return "credit:" + creditCode.strip().toUpperCase(Locale.ROOT);
        }
        String canonicalName = canonical(name);
        String canonicalAddress = canonical(address);
        boolean household = "家庭".equals(type) || (canonicalName != null && GENERIC_HOME.matcher(canonicalName).matches());
        if (household && canonicalAddress != null) {
            return "address:" + districtKey + ":" + canonicalAddress;
        }
        if (!saysNothing(canonicalName)) {
            return "name:" + districtKey + ":" + canonicalName;
        }
        return canonicalAddress == null ? null : "address:" + districtKey + ":" + canonicalAddress;
    }

    private static List<String> prefixes() {
        List<String> out = new ArrayList<>(List.of("天津市"));
        for (District district : Districts.all()) {
            out.add(district.name());
            out.addAll(district.aliases());
        }
        out.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(out);
    }
}
