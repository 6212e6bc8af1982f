package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.foodrisk.plan.TargetTally;
import org.foodrisk.plan.TargetProgress;
import org.foodrisk.plan.SamplingTotals;
import org.foodrisk.plan.PlanProgressCalculator;
import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Section 五 of a 蓟州 2024 会商 summary (issue 15): it says the 2018 plan answers, lists the 农药 product
 * sampling as 不可统计 with why (a dash, not a 0), and counts the 个 / 份 targets.
 */
class PlanProgressSectionTest {

    private static final Plan JIZHOU = PlanCatalog.readBundled("jizhou-2018");

    @Test
    void jizhou2024SaysWhichPlanAnswersAndWhatCannotBeCounted() {
        Map<String, long[]> byTarget = new TreeMap<>();
        for (int i = 0; i < 120; i++) {
            Signal fish = new Signal(SignalType.SAMPLING, "F-" + i, 1, OffsetDateTime.parse("2024-05-06T10:00:00+08:00"),
                    "120119", "蓟州区", "食用农产品", "草鱼", null, "区农委", false, List.of(), null, null, null, 1,
                    List.of("program:快检", "tested:兽药残留"), "草鱼 合格");
            byTarget = TargetTally.add(byTarget, TargetTally.of(JIZHOU, fish), 1);
        }
        LocalDate day = LocalDate.of(2024, 7, 1);
        List<TargetProgress> progress = new PlanProgressCalculator().progress(JIZHOU, "120119", day,
                new SamplingTotals(0, 0, Map.of(), Map.of(), byTarget, 0));
        String md = new RiskSummaryBuilder(ZoneId.of("Asia/Shanghai"))
                .build("120119", "蓟州区", Period.weekOf(day), List.of(), progress).markdown();
        String section = md.substring(md.indexOf("## 五、"));

        assertTrue(section.contains("本区无2024年计划，按2018年计划（" + JIZHOU.title() + "）的目标统计进展"), section);
        String pesticides = section.lines().filter(l -> l.contains("（农药抽检）")).findFirst().orElseThrow();
        assertTrue(pesticides.contains("| — | — | 不可统计：") && pesticides.contains("农业投入品"), pesticides);
        String fish = section.lines().filter(l -> l.contains("（水产品速检样品）")).findFirst().orElseThrow();
        assertTrue(fish.contains("| 190 个 | 95 | 120 |"), fish);
        assertFalse(section.contains("| 0 | 不可统计"), section);
    }
}
