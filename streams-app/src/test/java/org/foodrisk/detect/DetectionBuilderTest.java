package org.foodrisk.detect;

import org.foodrisk.ingest.SignalType;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The builder names every component once: eleven of them are Strings, where a swap would compile. */
class DetectionBuilderTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T00:00:00+08:00");

    @Test
    void eachNamedPartLandsInItsOwnComponent() {
        Detection.EnterpriseRef enterprise = new Detection.EnterpriseRef("某超市", "91120000MA000000X", "key");
        DetectorNumbers numbers = new DetectorNumbers("m", 1.0, 2.0, 3.0, 4.0, 0.5, "cite");
        Evidence evidence = new Evidence("sampling", "S-1", T0, "summary");
        Judgement judgement = new Judgement(Judgement.FIRST, T0, 3, 0.5, 2);
        Detection detection = Detection.of("kind", "dedup", AlertLevel.ORANGE, SignalType.SAMPLING)
                .district("120114", "武清区")
                .food("蔬菜", "韭菜")
                .hazard("农药残留", "腐霉利")
                .stage("流通")
                .enterprise(enterprise)
                .window(T0, T0.plusDays(1))
                .detector(numbers)
                .evidence(List.of(evidence))
                .headline("headline")
                .recommendedActions(List.of("action"))
                .taskIds(List.of("task"))
                .judgement(judgement)
                .setting("学校食堂")
                .build();
        assertEquals(new Detection("kind", "dedup", AlertLevel.ORANGE, SignalType.SAMPLING, "120114", "武清区", "蔬菜",
                "韭菜", "农药残留", "腐霉利", "流通", enterprise, T0, T0.plusDays(1), numbers, List.of(evidence),
                "headline", List.of("action"), List.of("task"), judgement, "学校食堂"), detection);
    }

    @Test
    void whatIsNotNamedIsNullAndListsAreEmpty() {
        Detection detection = Detection.of("kind", "dedup", AlertLevel.BLUE, SignalType.ILLNESS).build();
        assertEquals(List.of(), detection.evidence());
        assertEquals(List.of(), detection.recommendedActions());
        assertEquals(List.of(), detection.taskIds());
        assertNull(detection.districtCode());
        assertNull(detection.setting());
        assertNull(detection.judgement());
    }
}
