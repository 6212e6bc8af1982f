package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.foodrisk.disposal.CaseState;
import org.foodrisk.disposal.DisposalCase;
import org.foodrisk.disposal.DisposalMeasure;
import org.foodrisk.disposal.DisposalTargets;
import org.foodrisk.plan.PlanCatalog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 会商 summary's 核查处置 section (issue 15): counts and rates of the district's cases for the year up
 * to the period's end, per unit, against the targets the district's own plan states — and the existing
 * sections exactly as they were.
 */
class DisposalSummaryTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final Period WEEK = Period.weekOf(LocalDate.of(2024, 6, 12)); // 2024-06-10 … 06-16
    private static final DisposalTargets TARGETS = new DisposalTargets(PlanCatalog.bundled());

    private static DisposalCase disposalCase(String id, String district, String name, String unit, String knownAt,
                                             String disposedAt) {
        OffsetDateTime known = OffsetDateTime.parse(knownAt);
        OffsetDateTime disposed = disposedAt == null ? null : OffsetDateTime.parse(disposedAt);
        return new DisposalCase(id, 1, disposed == null ? CaseState.待核查 : CaseState.已处置, id, "区抽", district, name,
                "流通", unit, "流通环节由市场监管部门核查处置", null, null, "食用农产品", "韭菜", "某摊位", List.of("腐霉利"),
                known.minusDays(3), known, known, known.plusDays(90), "90日", false, disposed, disposed,
                disposed == null ? List.of() : List.of(DisposalMeasure.召回), null, false, List.of(), known);
    }

    private static List<DisposalCase> xiqing() {
        return List.of(
                // disposed in time, before the week
                disposalCase("XQ-1", "120111", "西青区", "区市场监管局", "2024-01-05T10:00:00+08:00", "2024-02-01T10:00:00+08:00"),
                // open and past its 90 days by the week's end
                disposalCase("XQ-2", "120111", "西青区", "区市场监管局", "2024-02-01T10:00:00+08:00", null),
                // new this week, open, in time
                disposalCase("XQ-3", "120111", "西青区", "区农业农村委", "2024-06-11T10:00:00+08:00", null),
                // known after the week: not in it
                disposalCase("XQ-4", "120111", "西青区", "区市场监管局", "2024-06-20T10:00:00+08:00", null),
                // last year: not this year's rates
                disposalCase("XQ-0", "120111", "西青区", "区市场监管局", "2023-11-01T10:00:00+08:00", null));
    }

    private static RiskSummary summary(String code, String name, List<DisposalCase> cases) {
        return new RiskSummaryBuilder(TIANJIN).build(code, name, WEEK, List.of(), List.of(), cases,
                TARGETS.of(code, name, WEEK.last().getYear()));
    }

    @Test
    void theSectionCountsTheYearsCasesPerUnitWithOpenOverdueAgainstOnTime() {
        RiskSummary summary = summary("120111", "西青区", xiqing());
        String md = summary.markdown();
        assertTrue(md.contains("## 六、不合格食品核查处置（本年度截至期末）"), md);
        assertTrue(md.contains("本期新增核查处置案件 **1** 件；本年度累计收到 3 件，已处置 1 件，未处置 2 件（其中超期 1 件）"), md);
        assertTrue(md.contains("核查处置率 33.3%，按时完成率 50.0%"), md);
        assertTrue(md.contains("| 区市场监管局 | 2 | 1 | 1 | 1 | 50.0% | 50.0% |"), md);
        assertTrue(md.contains("| 区农业农村委 | 1 | 0 | 0 | 0 | 0.0% | — |"), md);
        assertTrue(md.contains("目标（西青区 2021 年食品安全监督管理计划 18\\.）：核查处置率 ≥100%，本区 33.3%，未达到；"
                + "按时完成率 ≥85%，本区 50.0%，未达到。"), md);
        assertTrue(md.contains("\n目标：不合格食品核查处置率 ≥100%，按时完成率 ≥85%（西青区 2021 年食品安全监督管理计划 18\\.）。\n"),
                "section 四 states the district's own targets: " + md);
        assertNotNull(summary.disposal());
        assertEquals(3, summary.disposal().byPlan().get(0).rates().received());
    }

    @Test
    void aPlanThatStatesNoTargetIsNotLentAnothersAndTheOldSectionsStayAsTheyWere() {
        List<DisposalCase> wuqing = List.of(disposalCase("WQ-1", "120114", "武清区", "区市场监管局",
                "2024-06-11T10:00:00+08:00", "2024-06-12T10:00:00+08:00"));
        String md = summary("120114", "武清区", wuqing).markdown();
        assertTrue(md.contains("本区计划未设定核查处置率、按时完成率目标。"), md);
        assertFalse(md.contains("西青"), "no district is lent 西青 2021's targets, in section 四 either: " + md);
        assertTrue(md.contains("\n目标：本区计划未设定不合格食品核查处置率、按时完成率目标。\n"), md);
        String before = new RiskSummaryBuilder(TIANJIN).build("120114", "武清区", WEEK, List.of(), List.of()).markdown();
        String footer = "\n目标：不合格食品核查处置率 100%，按时完成率 ≥85%（西青区2021年计划 18.）。\n";
        assertTrue(before.contains(footer), before);
        assertTrue(md.startsWith(before.replace(footer, "\n目标：本区计划未设定不合格食品核查处置率、按时完成率目标。\n")),
                "sections 一 to 五 as they were but for the targets line; the new one follows them");
    }

    @Test
    void unitNamesFromOutsideAreEscaped() {
        List<DisposalCase> forged = List.of(disposalCase("F-1", "120114", "武清区", "区市场监管局 | 伪造 |\n## 伪造",
                "2024-06-11T10:00:00+08:00", null));
        String md = summary("120114", "武清区", forged).markdown();
        for (String line : md.split("\n")) {
            assertFalse(line.startsWith("## ") && line.contains("伪造"), "forged heading: " + line);
            if (line.startsWith("| 区市场监管局")) {
                assertEquals(8, line.replace("\\|", "").chars().filter(c -> c == '|').count(), line);
            }
        }
    }
}
