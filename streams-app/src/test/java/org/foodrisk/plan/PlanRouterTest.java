package org.foodrisk.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing against every bundled plan: specific tasks first, then the owner of the signal type. */
class PlanRouterTest {

    private static final PlanCatalog CATALOG = PlanCatalog.bundled();
    private static final PlanRouter ROUTER = new PlanRouter(CATALOG);

    private static List<PlanTaskRef> route(String districtCode, int year, String signal, String category, String food,
                                           String hazard, String substance) {
        return ROUTER.route(new RoutingQuery(districtCode, null, year, signal, category, food, hazard, substance, null));
    }

    private static List<String> numbers(List<PlanTaskRef> tasks) {
        return tasks.stream().map(PlanTaskRef::number).toList();
    }

    /**
     * Seen in CI (2026-12-07): a 快检 result whose failed item 克百威 names no hazardClass (the contract makes it
     * optional) threw a NullPointerException in routing — Set.of(…).contains(null) — and the stream thread, replaced,
     * failed on the same record again. A substance without a hazard class routes on the substance.
     */
    @Test
    void aSubstanceWithoutAHazardClassIsRoutedNotAnError() {
        for (String district : List.of("120114", "120111", "120105", "120225")) {
            List<PlanTaskRef> tasks = route(district, 2024, "sampling", "食用农产品", "豇豆", null, "克百威");
            assertFalse(tasks.isEmpty(), district);
        }
    }

    @Test
    void allFivePlansAreBundled() {
        assertEquals(List.of("hebei-2023", "jizhou-2018", "wuqing-2024", "xiqing-2021", "xx-county-2024"),
                CATALOG.plans().stream().map(Plan::planId).toList());
    }

    @Test
    void wuqing2024ChivesWithPesticidesGoToTheResidueCampaignFirst() {
        List<PlanTaskRef> tasks = route("120114", 2024, "sampling", "食用农产品", "韭菜", "农药残留", null);
        PlanTaskRef first = tasks.get(0);
        assertEquals("（十三）", first.number());
        assertEquals("开展农兽药残留专项整治行动", first.title());
        assertEquals(List.of("区农业农村委"), first.leadUnits());
        assertEquals("武清区2024年食品安全监督管理计划", first.plan());
        assertEquals("specific", first.match());
        assertTrue(numbers(tasks).contains("（十一）"), "then the 抽检 owner: " + numbers(tasks));
        assertEquals("owner", tasks.get(tasks.size() - 1).match());
    }

    @Test
    void wuqing2024OwnersOfEachSignalType() {
        assertEquals(List.of("（十一）"), numbers(route("120114", 2024, "sampling", "糕点", null, null, null)));
        assertEquals(List.of("（八）", "（十一）"), numbers(route("120114", 2024, "sampling", "乳制品", null, null, null)),
                "乳制品质量安全提升行动 is named by （八）; then the 抽检 owner");
        assertEquals(List.of("（十二）"), numbers(route("120114", 2024, "illness", null, null, null, null)));
        assertEquals(List.of("（二十五）"), numbers(route("120114", 2024, "complaint", null, null, null, null)));
        List<PlanTaskRef> opinion = route("120114", 2024, "opinion", null, null, null, null);
        assertEquals(List.of("（二十六）"), numbers(opinion));
        assertEquals(List.of("区委网信办"), opinion.get(0).leadUnits());
    }

    @Test
    void wuqing2024ClenbuterolReachesTheTaskThatNamesLeanMeatPowder() {
        List<PlanTaskRef> tasks = route("120114", 2024, "sampling", "食用农产品", "猪肉", "兽药残留", "克伦特罗");
        assertEquals("（十四）", tasks.get(0).number(), "（十四） names 瘦肉精: " + numbers(tasks));
        assertTrue(numbers(tasks).contains("（十一）"));
    }

    @Test
    void hebei2023OwnersAndTheComplaintFallback() {
        assertEquals(List.of("（十一）"), numbers(route("120105", 2023, "sampling", "乳制品", null, null, null)));
        assertEquals(List.of("（十五）"), numbers(route("120105", 2023, "illness", null, null, null, null)));
        assertEquals(List.of("（二十四）"), numbers(route("120105", 2023, "opinion", null, null, null, null)));
        List<PlanTaskRef> complaint = route("120105", 2023, "complaint", null, null, null, null);
        assertEquals(List.of("（十三）"), numbers(complaint),
                "河北 2023 has no 投诉举报 task: the market regulator's enforcement clause answers, not 卫健委's 风险监测");
        assertEquals("owner-by-unit", complaint.get(0).match());
        assertEquals(List.of("区市场监管局"), complaint.get(0).leadUnits());
    }

    @Test
    void jizhou2018NestedTasks() {
        List<PlanTaskRef> pork = route("120119", 2018, "sampling", "食用农产品", "猪肉", "兽药残留", "克伦特罗");
        assertEquals(List.of("3.（六）.9", "3.（八）.1"), numbers(pork), "the 瘦肉精 campaign, then the 抽检 owner");
        assertEquals(List.of("区农业农村委"), pork.get(0).leadUnits(), "区农委 under its current name");
        assertEquals(List.of("区农委"), pork.get(0).clause().leadUnits(), "the plan's own wording on the clause");
        assertEquals(List.of("区农业农村委"), pork.get(1).leadUnits(), "the 抽检 clause that names 瘦肉精 is 农委's");
        assertEquals(List.of("3.（八）.2"), numbers(route("120119", 2018, "illness", null, null, null, null)));
        assertEquals(List.of("3.（十二）.4"), numbers(route("120119", 2018, "complaint", null, null, null, null)));
        assertEquals(List.of("3.（十二）.2"), numbers(route("120119", 2018, "opinion", null, null, null, null)));
    }

    @Test
    void xiqing2021() {
        assertEquals(List.of("13.", "18."), numbers(route("120111", 2021, "sampling", "乳制品", null, null, null)));
        assertEquals(List.of("16."), numbers(route("120111", 2021, "illness", null, null, null, null)));
        assertEquals(List.of("24."), numbers(route("120111", 2021, "opinion", null, null, null, null)));
        assertEquals("owner-by-unit", route("120111", 2021, "complaint", null, null, null, null).get(0).match());
    }

    @Test
    void aYearWithoutAPlanUsesTheDistrictsNearestPlan() {
        assertEquals("西青区 2021 年食品安全监督管理计划",
                route("120111", 2024, "sampling", null, null, null, null).get(0).plan());
        assertEquals("蓟州区2018年食品安全监管计划", route("120119", 2025, "sampling", null, null, null, null).get(0).plan());
        assertEquals("武清区2024年食品安全监督管理计划", route("120114", 2022, "sampling", null, null, null, null).get(0).plan());
        PlanTaskRef older = route("120119", 2024, "complaint", null, null, null, null).get(0);
        assertEquals(2018, older.planYear());
        assertTrue(older.planNote().startsWith("本区无2024年计划，按2018年计划"), older.planNote());
        assertEquals(null, route("120114", 2024, "complaint", null, null, null, null).get(0).planNote(),
                "the district's own plan of the year needs no note");
    }

    @Test
    void aTaskOfSeveralClausesAnswersWithTheClauseNotItsUnion() {
        PlanTaskRef complaint = route("120114", 2024, "complaint", null, null, null, null).get(0);
        assertEquals("（二十五）", complaint.number());
        assertEquals(2, complaint.clause().index());
        assertEquals("区市场监管局负责", complaint.clause().asWritten());
        assertTrue(complaint.clause().subject().startsWith("畅通食品安全投诉举报渠道"), complaint.clause().subject());
        assertEquals(List.of("区市场监管局"), complaint.leadUnits());
        assertEquals(List.of(), complaint.coUnits(), "武清海关 is a co-unit of the 宣传部 clause only");
        assertEquals(List.of("区委宣传部", "区市场监管局"), complaint.taskLeadUnits(), "the task's union is kept as context");
        assertTrue(complaint.taskCoUnits().contains("武清海关"));
    }

    @Test
    void jizhouShortNamesAreTheDistrictsOwnUnits() {
        RoutingQuery school = new RoutingQuery("120119", null, 2018, "illness", "餐饮食品", null, null, null, null, "学校食堂");
        PlanTaskRef ref = ROUTER.route(school).get(0);
        assertEquals("3.（七）.15", ref.number());
        assertEquals(List.of("区教育局", "市场监管局", "各镇乡街"), ref.clause().leadUnits(), "as written");
        assertEquals(List.of("区教育局", "区市场监管局", "各镇乡街"), ref.leadUnits(), "one name per unit");
        PlanTaskRef illness = route("120119", 2018, "illness", null, null, null, null).get(0);
        assertEquals(List.of("区卫生健康委"), illness.leadUnits(), "区卫计委 is today's 区卫生健康委");
    }

    @Test
    void theExplanationSaysWhyEachCandidateScored() {
        RoutingExplanation answer = ROUTER.explain(new RoutingQuery("120114", null, 2024, "sampling", "食用农产品", "韭菜",
                "农药残留", null, "种植养殖"));
        assertEquals("wuqing-2024", answer.planId());
        RoutingExplanation.Candidate first = answer.candidates().get(0);
        assertEquals("（十三）", first.number());
        assertTrue(first.chosen());
        assertTrue(first.reasons().contains("条款点名食品「韭菜」"), first.reasons().toString());
        assertTrue(answer.candidates().stream().filter(c -> c.number().equals("（五）")).noneMatch(
                RoutingExplanation.Candidate::chosen), "（五） may score but is not chosen");
    }

    /**
     * 滨海新区 (120116) has no plan of its own: it is routed by signal owner with a Tianjin district's
     * units (the template the four Tianjin plans agree on), never by the XX县 text whose units
     * (省食安委各成员单位, 农业农村局 …) no district has, and the alert says so.
     */
    @Test
    void aDistrictWithoutAPlanIsRoutedByTheTianjinTemplateAndSaysSo() {
        PlanTaskRef complaint = route("120116", 2024, "complaint", null, null, null, null).get(0);
        assertEquals(List.of("区市场监管局"), complaint.leadUnits());
        assertEquals("template", complaint.match());
        assertTrue(complaint.planNote().startsWith("本区无食品安全计划"), complaint.planNote());
        assertTrue(complaint.plan().startsWith("天津市区级"), complaint.plan());
        assertEquals(List.of("区卫生健康委"), route("120116", 2024, "illness", null, null, null, null).get(0).leadUnits());
        assertEquals(List.of("区委网信办"), route("120116", 2024, "opinion", null, null, null, null).get(0).leadUnits());
        assertEquals(List.of("区市场监管局", "区农业农村委"),
                route("120116", 2024, "sampling", "食用农产品", "韭菜", "农药残留", null).get(0).leadUnits());
        assertEquals(List.of("区市场监管局"), route("120116", 2024, "sampling", "乳制品", null, null, null).get(0).leadUnits());
        for (String signal : List.of("sampling", "illness", "complaint", "opinion")) {
            for (PlanTaskRef ref : route("120116", 2024, signal, null, null, null, null)) {
                assertTrue(!ref.taskId().startsWith("xx-county"), "never the county text: " + ref);
            }
        }
        RoutingQuery school = new RoutingQuery("120116", null, 2024, "illness", "餐饮食品", null, null, null, null, "学校食堂");
        List<PlanTaskRef> schoolRefs = ROUTER.route(school);
        assertEquals(List.of("区市场监管局"), schoolRefs.get(0).leadUnits());
        assertTrue(schoolRefs.get(0).coUnits().contains("区教育局"), "校园: 区教育局 co-operates in every Tianjin plan");
        assertEquals(List.of("区卫生健康委"), schoolRefs.get(1).leadUnits());
    }
}
