package org.foodrisk.disposal;

import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.foodrisk.plan.PlanCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which unit a case goes to, how long it has, and how large it may grow. */
class DisposalUnitsTest {

    private static final DisposalUnits UNITS = new DisposalUnits(PlanCatalog.bundled());

    private static String unit(String code, String name, String stage) {
        return UNITS.assign(code, name, 2024, stage).unit();
    }

    @Test
    void eachStageGoesToItsAgencyAsTheDistrictsPlanNamesIt() {
        assertEquals("区发展改革委", unit("120111", "西青区", "储备"), "西青 2021 writes 区粮食办: its current name, as routing names it");
        assertEquals("区发展改革委", unit("120119", "蓟州区", "储备"),
                "蓟州 2018's 区粮食中心 under its current name (grain went to 发展改革委 in the 2019 reform, UnitNames)");
        assertEquals("区农业农村委", unit("120119", "蓟州区", "屠宰"), "蓟州 2018 writes 区农委: today's name, as routing names it");
        assertEquals("区市场监管局", unit("120105", "河北区", "储备"), "河北 names no 粮食 unit: 市场监管");
        assertEquals("属地海关", unit("120105", "河北区", "进口"), "河北 names no 海关");
        assertEquals("西青海关", unit("120111", "西青区", "进口"));
        assertEquals("区市场监管局", unit("120114", "武清区", null), "no stage: 市场监管");
    }

    @Test
    void aDistrictWithoutItsOwnPlanGetsTheTianjinNamesNeverTheCountyTemplates() {
        DisposalUnits.Assignment heping = UNITS.assign("120101", "和平区", 2024, "种植养殖");
        assertEquals("区农业农村委", heping.unit());
        assertEquals(null, heping.plan());
        assertTrue(heping.basis().contains("本区无本地计划"), heping.basis());
        assertEquals("区市场监管局", unit("120101", "和平区", "流通"));
    }

    @Test
    void deadlinesAreNinetyDaysUnlessAProgramIsConfigured() {
        DisposalDeadlines deadlines = DisposalDeadlines.defaults().with(Map.of("区抽", Duration.ofDays(30)));
        OffsetDateTime known = OffsetDateTime.parse("2024-06-03T10:00:00+08:00");
        assertEquals(known.plusDays(90), deadlines.dueBy("国抽", known));
        assertEquals(known.plusDays(30), deadlines.dueBy("区抽", known));
        assertTrue(deadlines.basis("国抽").contains("《食品安全抽样检验管理办法》"));
        assertEquals("区抽核查处置时限30日（本地配置）", deadlines.basis("区抽"));
    }

    @Test
    void aCaseKeepsAtMostTwentyFindingsAndCutsLongTexts() {
        List<Signal.Finding> findings = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            findings.add(new Signal.Finding("项目" + i + "x".repeat(500), "农药残留", "1", "mg/kg", "0.1", null, null, null));
        }
        OffsetDateTime sampled = OffsetDateTime.parse("2024-05-30T09:30:00+08:00");
        Signal result = new Signal(SignalType.SAMPLING, "S-1", 1, sampled, "120114", "武清区", "食用农产品", "韭菜",
                "流通", "区市场监管局", true, findings, null, "店".repeat(5000), null, 1, List.of("program:区抽"), "…",
                sampled.plusDays(4));
        CaseLifecycle lifecycle = new CaseLifecycle(CaseLifecycle.supervising(), UNITS, DisposalDeadlines.defaults());
        DisposalCase opened = lifecycle.onResult(null, result, sampled.plusDays(4)).orElseThrow();
        assertEquals(20, opened.findings().size());
        assertTrue(opened.findings().stream().allMatch(f -> f.length() <= 161), opened.findings().get(0));
        assertEquals(257, opened.enterpriseName().length(), "256 characters and an ellipsis");
        assertEquals(sampled.plusDays(94), opened.dueBy(), "90 days from the lab's report");
    }

    @Test
    void aWritersTimeCountsOnlyBetweenTheCasesOpeningAndNow() {
        OffsetDateTime sampled = OffsetDateTime.parse("2024-05-30T09:30:00+08:00");
        OffsetDateTime now = sampled.plusDays(10);
        Signal result = new Signal(SignalType.SAMPLING, "S-2", 1, sampled, "120114", "武清区", "食用农产品", "韭菜",
                "流通", null, true, List.of(), null, null, null, 1, List.of("program:区抽"), "…", sampled.plusDays(4));
        CaseLifecycle lifecycle = new CaseLifecycle(CaseLifecycle.supervising(), UNITS, DisposalDeadlines.defaults());
        DisposalCase opened = lifecycle.onResult(null, result, sampled.plusDays(5)).orElseThrow();
        CaseAction backdated = new CaseAction("S-2", "dispose", "x", "区市场监管局", sampled.minusYears(1),
                List.of("召回"), null);
        DisposalCase disposed = lifecycle.apply(opened, backdated, now).disposalCase();
        assertEquals(now, disposed.disposedAt(), "a time before the case was opened is replaced by the processing time");
        CaseAction byOffice = new CaseAction("S-2", "comment", "x", "区食安办", now, List.of(), "督办");
        assertTrue(lifecycle.apply(disposed, byOffice, now).isAccepted(), "the 食安办 supervises every case");
    }
}
