package org.foodrisk.detect;

import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.FoodLexicon;
import org.foodrisk.reference.RestrictedPesticides;
import org.foodrisk.reference.RestrictedPesticides.Crop;
import org.foodrisk.reference.RestrictedPesticides.Restriction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code sampling.restricted-pesticide}: a 不合格 result for a restricted (限用) pesticide on a crop where
 * its use is prohibited (克百威 on 韭菜, 氧乐果 on 柑橘, 乐果 on 香菇 …) is an alert at once: the residue
 * says the pesticide was used where the law forbids it ({@link RestrictedPesticides} lists the
 * restrictions and their notices). Banned pesticides stay with {@link CriticalHazardRule}: a finding it
 * already classified is not judged here again. One alert per district × category × pesticide, like the
 * critical-hazard rule; ORANGE (the level of a banned pesticide), one up where many eat (school canteens).
 */
public final class RestrictedPesticideRule {

    public static final String KIND = "sampling.restricted-pesticide";

    private static final List<String> CRUCIFERS = List.of("白菜", "甘蓝", "卷心菜", "包菜", "圆白菜", "萝卜", "花椰菜",
            "菜花", "西兰花", "青花菜", "芥菜", "芥蓝", "油菜", "菜心", "娃娃菜", "菜薹");
    private static final List<String> CABBAGE = List.of("甘蓝", "卷心菜", "包菜", "圆白菜");
    private static final List<String> CITRUS = List.of("柑", "橘", "桔", "橙", "柚");
    private static final List<String> MUSHROOMS = List.of("菇", "菌", "木耳", "银耳", "蘑");

    private RestrictedPesticideRule() {
    }

    public static List<Detection> evaluate(Signal signal) {
        if (signal.type() != SignalType.SAMPLING || signal.sign() < 0 || !signal.failed()) {
            return List.of();
        }
        Set<Crop> crops = cropsOf(signal);
        if (crops.isEmpty()) {
            return List.of();
        }
        Map<Restriction, Signal.Finding> found = new LinkedHashMap<>();
        for (Signal.Finding finding : signal.findings()) {
            if (finding.criticalKind() != null) {
                continue;
            }
            RestrictedPesticides.of(finding.item())
                    .filter(r -> r.prohibitedOn().stream().anyMatch(crops::contains))
                    .ifPresent(r -> found.putIfAbsent(r, finding));
        }
        List<Detection> detections = new ArrayList<>();
        found.forEach((restriction, finding) -> detections.add(detection(signal, restriction, finding, crops)));
        return detections;
    }

    /** The crop groups a sample belongs to, from its name, its 小类 and its 大类. */
    static Set<Crop> cropsOf(Signal signal) {
        String name = Objects.toString(signal.foodName(), "");
        String written = signal.tagValue("subcategory");
        String subcategory = written != null ? written
                : FoodLexicon.bundled().subcategoryOf(name).orElse("");
        Set<Crop> crops = EnumSet.noneOf(Crop.class);
        if (subcategory.startsWith("蔬菜")) {
            crops.add(Crop.蔬菜);
        }
        if (subcategory.startsWith("水果")) {
            crops.add(Crop.水果);
        }
        if ("茶叶及相关制品".equals(signal.foodCategory()) || name.endsWith("茶")) {
            crops.add(Crop.茶叶);
        }
        if (crops.contains(Crop.蔬菜) && MUSHROOMS.stream().anyMatch(name::contains)) {
            crops.add(Crop.食用菌);
        }
        if (crops.contains(Crop.蔬菜) && CRUCIFERS.stream().anyMatch(name::contains)) {
            crops.add(Crop.十字花科蔬菜);
        }
        if (CABBAGE.stream().anyMatch(name::contains)) {
            crops.add(Crop.甘蓝);
        }
        if (crops.contains(Crop.水果) && CITRUS.stream().anyMatch(name::contains)) {
            crops.add(Crop.柑橘);
        }
        for (Crop named : List.of(Crop.苹果, Crop.草莓, Crop.黄瓜, Crop.花生)) {
            if (name.contains(named.name())) {
                crops.add(named);
            }
        }
        return crops;
    }

    private static Detection detection(Signal signal, Restriction restriction, Signal.Finding finding, Set<Crop> crops) {
        AlertLevel level = AlertLevel.ORANGE;
        if (CriticalHazardRule.massExposure(signal)) {
            level = level.raise();
        }
        String on = restriction.prohibitedOn().stream().filter(crops::contains).map(Enum::name).findFirst().orElse("");
        String district = CriticalHazardRule.district(signal);
        String dedupKey = String.join("|", KIND, district, String.valueOf(signal.foodCategory()), restriction.pesticide());
        String food = Objects.toString(signal.foodName(), "");
        String headline = Objects.toString(signal.districtName(), "") + food + "检出限用农药" + restriction.pesticide()
                + "（" + restriction.basis() + "禁止在" + on + "上使用）";
        DetectorNumbers numbers = new DetectorNumbers("restricted-pesticide-rule", CriticalHazardRule.number(finding.result()),
                null, CriticalHazardRule.number(finding.limit()), null, null,
                "硬规则：限用农药在禁用作物上检出不合格即预警（" + restriction.basis() + "）");
        Evidence evidence = CriticalHazardRule.evidenceOf(signal, finding);
        List<String> actions = List.of(
                "对" + (signal.enterpriseName() == null ? "被抽样单位" : signal.enterpriseName())
                        + "开展核查处置，追溯产品的种植基地（产地）",
                "会同农业农村部门查处在" + on + "上违规使用" + restriction.pesticide() + "的行为",
                "对同一产地、同类产品开展跟踪抽检");
        return Detection.of(KIND, dedupKey, level, SignalType.SAMPLING)
                .district(signal.districtCode(), signal.districtName())
                .food(signal.foodCategory(), signal.foodName())
                .hazard(finding.hazardClass(), restriction.pesticide())
                .stage(signal.stage())
                .enterprise(CriticalHazardRule.enterpriseOf(signal))
                .window(signal.eventTime(), signal.eventTime())
                .detector(numbers)
                .evidence(List.of(evidence))
                .headline(headline)
                .recommendedActions(actions)
                .build();
    }
}
