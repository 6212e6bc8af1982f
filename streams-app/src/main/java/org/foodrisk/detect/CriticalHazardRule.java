package org.foodrisk.detect;

import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.reference.CriticalHazards;

import java.util.Objects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sampling.critical-hazard}: a 不合格 result for a banned or severe hazard is an alert at
 * once, whatever the counts (DESIGN "Hard rules"; the substance lists and their legal basis are
 * in {@link CriticalHazards}). One alert per district × category × substance: a second sample
 * with the same finding adds evidence to the open alert instead of raising another.
 *
 * <p>Level: RED for banned veterinary drugs, illegal non-food substances and pathogens in infant
 * formula; ORANGE for banned pesticides; one level up when the sample comes from a place that
 * feeds many (餐饮 at a school or 集体用餐), since more people are exposed.
 */
public final class CriticalHazardRule {

    public static final String KIND = "sampling.critical-hazard";

    private static final Set<String> MASS_EXPOSURE_WORDS = Set.of("学校", "幼儿园", "食堂", "集体用餐", "养老");

    private CriticalHazardRule() {
    }

    public static List<Detection> evaluate(Signal signal) {
        if (signal.type() != SignalType.SAMPLING || signal.sign() < 0 || !signal.failed()) {
            return List.of();
        }
        Map<String, List<Signal.Finding>> bySubstance = new LinkedHashMap<>();
        for (Signal.Finding finding : signal.findings()) {
            if (finding.criticalKind() != null) {
                bySubstance.computeIfAbsent(finding.substance(), s -> new ArrayList<>()).add(finding);
            }
        }
        List<Detection> detections = new ArrayList<>();
        bySubstance.forEach((substance, findings) -> detections.add(detection(signal, substance, findings)));
        return detections;
    }

    private static Detection detection(Signal signal, String substance, List<Signal.Finding> findings) {
        Signal.Finding first = findings.get(0);
        CriticalHazards.Kind kind = CriticalHazards.Kind.valueOf(first.criticalKind());
        AlertLevel level = AlertLevel.valueOf(kind.level());
        if (massExposure(signal)) {
            level = level.raise();
        }
        String dedupKey = String.join("|", KIND, district(signal), String.valueOf(signal.foodCategory()), substance);
        String food = signal.foodName() == null ? "" : signal.foodName();
        String headline = (signal.districtName() == null ? "" : signal.districtName()) + food + "检出"
                + kind.label() + "（" + first.item() + "）";
        DetectorNumbers numbers = new DetectorNumbers("critical-hazard-rule", number(first.result()), null,
                thresholdOf(first.limit()), null, null,
                "硬规则：" + kind.label() + "检出即预警（农业农村部公告第250号、整顿办函〔2010〕50号、禁限用农药名单等）");
        Evidence evidence = evidenceOf(signal, first);
        List<String> actions = List.of(
                "立即对" + (signal.enterpriseName() == null ? "被抽样单位" : signal.enterpriseName())
                        + "开展核查处置，控制问题产品，依法立案调查",
                "追溯问题产品来源和流向，督促下架、召回",
                "对同类产品和同一来源开展跟踪抽检",
                "涉嫌犯罪的，及时移送公安机关");
        return Detection.of(KIND, dedupKey, level, SignalType.SAMPLING)
                .district(signal.districtCode(), signal.districtName())
                .food(signal.foodCategory(), signal.foodName())
                .hazard(first.hazardClass(), substance)
                .stage(signal.stage())
                .enterprise(enterpriseOf(signal))
                .window(signal.eventTime(), signal.eventTime())
                .detector(numbers)
                .evidence(List.of(evidence))
                .headline(headline)
                .recommendedActions(actions)
                .build();
    }

    /** The evidence line of one failed item: food, item, result and limit, and the business sampled. */
    static Evidence evidenceOf(Signal signal, Signal.Finding finding) {
        String food = signal.foodName() == null ? "" : signal.foodName();
        return new Evidence("sampling", signal.id(), signal.eventTime(),
                food + " " + finding.item() + " " + Objects.toString(finding.result(), "") + Objects.toString(finding.unit(), "")
                        + (finding.limit() == null ? "" : "（限量：" + finding.limit() + "）")
                        + (signal.enterpriseName() == null ? "" : " " + signal.enterpriseName()));
    }

    static Detection.EnterpriseRef enterpriseOf(Signal signal) {
        return signal.enterpriseKey() == null ? null
                : new Detection.EnterpriseRef(signal.enterpriseName(), creditCodeOf(signal.enterpriseKey()), signal.enterpriseKey());
    }

    static boolean massExposure(Signal signal) {
        String name = signal.enterpriseName();
        return name != null && MASS_EXPOSURE_WORDS.stream().anyMatch(name::contains);
    }

    static String district(Signal signal) {
        return signal.districtCode() != null ? signal.districtCode() : String.valueOf(signal.districtName());
    }

    static String creditCodeOf(String enterpriseKey) {
        return enterpriseKey != null && enterpriseKey.startsWith("credit:") ? enterpriseKey.substring(7) : null;
    }

    /** "2.3" → 2.3; "不得检出" or "ND" → null. */
    static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip().replaceFirst("^[≤<]", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A banned substance must not be found: its threshold is 0 whatever the limit text says. */
    private static Double thresholdOf(String limit) {
        Double value = number(limit);
        return value == null ? 0.0 : value;
    }

}
