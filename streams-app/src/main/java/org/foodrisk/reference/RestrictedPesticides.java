package org.foodrisk.reference;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pesticides that are restricted (限用), not banned: registered, but prohibited on named crops. Found on
 * such a crop, the residue means the pesticide was used where the law forbids it. The fully banned
 * pesticides are in {@link CriticalHazards} (a hard rule wherever they are found).
 *
 * <p>Sources (as quoted in {@code shared/reference/hazards.md}, section b2 "crop-specific bans that are
 * confirmed"): 农业部公告第199号 (2002); the consolidated restrictions as of 2014 (吕建军, 新农业 2014年7期);
 * 农业农村部公告第2552号 (from 2019-08-01). Pesticides of those lists that are banned outright since
 * (甲拌磷, 甲基异柳磷, 灭线磷, 水胺硫磷, 硫丹, 三氯杀螨醇 …) are left to {@link CriticalHazards}.
 */
public final class RestrictedPesticides {

    /** A crop group as the restrictions name it. */
    public enum Crop {
        蔬菜, 水果, 茶叶, 食用菌, 甘蓝, 柑橘, 苹果, 十字花科蔬菜, 草莓, 黄瓜, 花生
    }

    /** One restriction: the pesticide (and the names labs write for it), where it is prohibited, and why. */
    public record Restriction(String pesticide, List<String> names, Set<Crop> prohibitedOn, String basis) {
    }

    private static final String NOTICE_199 = "农业部公告第199号";
    private static final String CONSOLIDATED_2014 = "禁限用农药名单（2014年汇总）";
    private static final String NOTICE_2552 = "农业农村部公告第2552号";

    private static final Set<Crop> FOOD_CROPS_199 = Set.of(Crop.蔬菜, Crop.水果, Crop.茶叶);
    private static final Set<Crop> FOOD_CROPS_2552 = Set.of(Crop.蔬菜, Crop.水果, Crop.茶叶, Crop.食用菌);

    /** Longest names first, so that 氧乐果 is not read as 乐果, nor 丁硫克百威 as 克百威. */
    private static final List<Restriction> RESTRICTIONS = List.of(
            new Restriction("克百威", List.of("克百威", "呋喃丹"), FOOD_CROPS_199, NOTICE_199),
            new Restriction("涕灭威", List.of("涕灭威"), FOOD_CROPS_199, NOTICE_199),
            new Restriction("内吸磷", List.of("内吸磷"), FOOD_CROPS_199, NOTICE_199),
            new Restriction("硫环磷", List.of("硫环磷"), FOOD_CROPS_199, NOTICE_199),
            new Restriction("氯唑磷", List.of("氯唑磷"), FOOD_CROPS_199, NOTICE_199),
            new Restriction("氧乐果", List.of("氧乐果"), Set.of(Crop.甘蓝, Crop.柑橘), CONSOLIDATED_2014),
            new Restriction("灭多威", List.of("灭多威"), Set.of(Crop.柑橘, Crop.苹果, Crop.茶叶, Crop.十字花科蔬菜),
                    CONSOLIDATED_2014),
            new Restriction("氰戊菊酯", List.of("氰戊菊酯"), Set.of(Crop.茶叶), CONSOLIDATED_2014),
            new Restriction("溴甲烷", List.of("溴甲烷"), Set.of(Crop.草莓, Crop.黄瓜), CONSOLIDATED_2014),
            new Restriction("丁酰肼", List.of("丁酰肼"), Set.of(Crop.花生), CONSOLIDATED_2014),
            new Restriction("乙酰甲胺磷", List.of("乙酰甲胺磷"), FOOD_CROPS_2552, NOTICE_2552),
            new Restriction("丁硫克百威", List.of("丁硫克百威"), FOOD_CROPS_2552, NOTICE_2552),
            new Restriction("乐果", List.of("乐果"), FOOD_CROPS_2552, NOTICE_2552));

    private static final List<Named> BY_NAME_LENGTH = RESTRICTIONS.stream()
            .flatMap(r -> r.names().stream().map(n -> new Named(n, r)))
            .sorted(Comparator.comparingInt((Named n) -> n.name().length()).reversed())
            .toList();

    private record Named(String name, Restriction restriction) {
    }

    private RestrictedPesticides() {
    }

    /** The restriction a test item (as a lab writes it, e.g. 克百威（以克百威及3-羟基克百威之和计）) is about. */
    public static Optional<Restriction> of(String item) {
        if (item == null || item.isBlank()) {
            return Optional.empty();
        }
        for (Named named : BY_NAME_LENGTH) {
            if (item.contains(named.name())) {
                // 乐果 inside 氧乐果 is another pesticide: a longer name that also matches came first.
                return Optional.of(named.restriction());
            }
        }
        return Optional.empty();
    }

    /** Every name of a restricted pesticide, as labs write them. */
    static List<String> names() {
        return BY_NAME_LENGTH.stream().map(Named::name).toList();
    }
}
