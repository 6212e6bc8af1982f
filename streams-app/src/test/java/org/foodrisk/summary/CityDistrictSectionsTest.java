package org.foodrisk.summary;

import org.foodrisk.disposal.DisposalRates;
import org.foodrisk.disposal.DisposalStanding;
import org.foodrisk.plan.TargetProgress;
import org.foodrisk.reference.Districts;
import org.foodrisk.reference.Period;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The city summary's sections 六 and 七, gathered from its districts' own summaries. */
class CityDistrictSectionsTest {

    private static RiskSummary.TopRisk risk(String id, String level, String levelName, int evidence) {
        return new RiskSummary.TopRisk(id, level, levelName, "sampling.failure", id + " 的预警", "待处置", evidence,
                List.of(), List.of("（十一）加强食品安全抽检：区市场监管局"));
    }

    private static TargetProgress target(Boolean onTrack, boolean measurable) {
        return new TargetProgress("t", "（十一）", "抽检量", "全区", null, 100, "批次", 50.0, 40.0, onTrack, "全年抽检100批次",
                null, null, null, measurable, null);
    }

    private static RiskSummary district(String code, String name, List<RiskSummary.TopRisk> top,
                                        List<TargetProgress> targets, DisposalRates rates, int openDecisions) {
        DisposalStanding disposal = rates == null ? null : new DisposalStanding(OffsetDateTime.parse("2026-12-14T00:00+08:00"),
                List.of(), List.of(new DisposalStanding.Row(code, name, null, name + "计划", rates, List.of())));
        List<RiskSummary.DecisionFollowUp> decisions = IntStream.range(0, openDecisions)
                .mapToObj(i -> new RiskSummary.DecisionFollowUp("c", "会商", "2026-12-08", "c-" + i, "决定", "区市场监管局",
                        "2026-12-20", "待落实", false, null, null, true)).toList();
        return new RiskSummary(code, name, "2026-W50", "2026-12-07", "2026-12-13", top.size(), 0, Map.of(), Map.of(),
                Map.of(), Map.of(), top, Map.of(), Map.of(), List.of(), targets, "", disposal, decisions);
    }

    @Test
    void theMostSevereRisksOfAllDistrictsAndEachDistrictsPlanAndDisposalStanding() {
        CitySummary city = new CitySummaryBuilder(ZoneId.of("Asia/Shanghai")).build("city", "天津市", Districts.all(),
                Period.parse("2026-W50"), List.of());
        List<RiskSummary> districts = List.of(
                district("120111", "西青区", List.of(risk("X-Y", "YELLOW", "黄色", 9), risk("X-R", "RED", "红色", 1)),
                        List.of(target(true, true), target(false, true), target(null, false)),
                        new DisposalRates(4, 3, 2, 1, 0, 0.75, 2.0 / 3), 2),
                district("120114", "武清区", List.of(risk("W-R", "RED", "红色", 3), risk("W-O", "ORANGE", "橙色", 2)),
                        List.of(), null, 0));
        CitySummary withSections = CityDistrictSections.append(city, districts);

        assertEquals(List.of("W-R", "X-R", "W-O", "X-Y"), withSections.topRisks().stream().map(r -> r.risk().alertId())
                .toList(), "by level, then evidence: 红 with 3 pieces of evidence before 红 with 1");
        assertEquals("武清区", withSections.topRisks().get(0).districtName());
        CitySummary.DistrictWork xiqing = withSections.districtWork().get(0);
        assertEquals(List.of(1, 1, 1, 4, 2), List.of(xiqing.targetsOnTrack(), xiqing.targetsBehind(),
                xiqing.targetsUnmeasurable(), xiqing.disposalCases(), xiqing.openDecisions()));
        String md = withSections.markdown();
        assertTrue(md.contains("## 六、重点风险（各区合并，按级别）\n\n1. **[红色] W-R 的预警**（武清区，W-R，待处置，证据 3 条）"), md);
        assertTrue(md.contains("   - 责任任务：（十一）加强食品安全抽检：区市场监管局"), md);
        assertTrue(md.contains("| 西青区 | 1 | 1 | 1 | 4 | 75.0% | 66.7% | 2 |"), md);
        assertTrue(md.contains("| 武清区 | 0 | 0 | 0 | 0 | — | — | 0 |"), md);
        assertTrue(md.indexOf("## 四、外地交流预警") < md.indexOf("## 六、重点风险"), "appended after the city's own sections");
    }
}
