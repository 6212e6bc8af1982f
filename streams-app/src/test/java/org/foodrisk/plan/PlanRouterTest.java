package org.foodrisk.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(List.of("（十一）"), numbers(route("120114", 2024, "sampling", "乳制品", null, null, null)));
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
        assertEquals(List.of("（十二）"), numbers(complaint), "河北 2023 has no 投诉举报 task: its 风险监测 owner answers");
        assertEquals("fallback", complaint.get(0).match());
    }

    @Test
    void jizhou2018NestedTasks() {
        List<PlanTaskRef> pork = route("120119", 2018, "sampling", "食用农产品", "猪肉", "兽药残留", "克伦特罗");
        assertEquals("3.（八）.1", pork.get(0).number());
        assertTrue(pork.get(0).leadUnits().contains("区市场监管局"));
        assertEquals(List.of("3.（八）.2"), numbers(route("120119", 2018, "illness", null, null, null, null)));
        assertEquals(List.of("3.（十二）.4"), numbers(route("120119", 2018, "complaint", null, null, null, null)));
        assertEquals(List.of("3.（十二）.2"), numbers(route("120119", 2018, "opinion", null, null, null, null)));
    }

    @Test
    void xiqing2021() {
        assertEquals(List.of("18."), numbers(route("120111", 2021, "sampling", "乳制品", null, null, null)));
        assertEquals(List.of("16."), numbers(route("120111", 2021, "illness", null, null, null, null)));
        assertEquals(List.of("24."), numbers(route("120111", 2021, "opinion", null, null, null, null)));
        assertEquals("fallback", route("120111", 2021, "complaint", null, null, null, null).get(0).match());
    }

    @Test
    void aYearWithoutAPlanUsesTheDistrictsNearestPlan() {
        assertEquals("西青区 2021 年食品安全监督管理计划",
                route("120111", 2024, "sampling", null, null, null, null).get(0).plan());
        assertEquals("蓟州区2018年食品安全监管计划", route("120119", 2025, "sampling", null, null, null, null).get(0).plan());
        assertEquals("武清区2024年食品安全监督管理计划", route("120114", 2022, "sampling", null, null, null, null).get(0).plan());
    }

    @Test
    void aDistrictWithoutAPlanUsesTheCountyTemplate() {
        List<PlanTaskRef> tasks = route("120116", 2024, "sampling", null, null, null, null);
        assertEquals("XX县2024年食品安全重点工作安排", tasks.get(0).plan());
        assertEquals(List.of("八、"), numbers(tasks));
        assertEquals(List.of("九、"), numbers(route("120116", 2024, "complaint", null, null, null, null)));
    }
}
