package org.foodrisk.plan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One name per unit within a plan (issue 15): short forms and former names, and what keeps its name. */
class UnitNamesTest {

    private static final PlanCatalog CATALOG = PlanCatalog.bundled();
    private static final Plan JIZHOU = CATALOG.plan("jizhou-2018").orElseThrow();
    private static final Plan XIQING = CATALOG.plan("xiqing-2021").orElseThrow();
    private static final Plan WUQING = CATALOG.plan("wuqing-2024").orElseThrow();

    @Test
    void jizhouShortFormsAfterTheFirstMentionAreTheDistrictsUnits() {
        assertEquals("区市场监管局", UnitNames.current(JIZHOU, "市场监管局"));
        assertEquals("区市场监管局", UnitNames.current(JIZHOU, "区市场监管局"));
        assertEquals("区农业农村委", UnitNames.current(JIZHOU, "农委"), "short form of a former name");
        assertEquals("区农业农村委", UnitNames.current(JIZHOU, "区农委"));
        assertEquals("公安蓟州分局", UnitNames.current(JIZHOU, "公安分局"));
        assertEquals("公安蓟州分局", UnitNames.current(JIZHOU, "区公安分局"));
        assertEquals("区畜牧中心", UnitNames.current(JIZHOU, "畜牧中心"));
        assertEquals(List.of("区教育局", "区市场监管局", "各镇乡街"),
                UnitNames.current(JIZHOU, List.of("区教育局", "市场监管局", "各镇乡街")));
    }

    @Test
    void formerNamesAreTodaysUnits() {
        assertEquals("区卫生健康委", UnitNames.current(JIZHOU, "区卫计委"));
        assertEquals("区生态环境局", UnitNames.current(JIZHOU, "环保局"));
        assertEquals("区卫生健康委", UnitNames.current(XIQING, "区卫健委"));
        assertEquals("区发展改革委", UnitNames.current(XIQING, "区粮食办"), "grain reserves moved to 发展改革委");
    }

    @Test
    void otherLevelsCollectivesAndCurrentNamesKeepTheirName() {
        assertEquals("天津海关〈原宝坻出入境检验检疫局〉", UnitNames.current(JIZHOU, "天津海关〈原宝坻出入境检验检疫局〉"));
        assertEquals("食安委成员单位", UnitNames.current(JIZHOU, "食安委成员单位"));
        assertEquals("各镇乡街", UnitNames.current(JIZHOU, "各镇乡街"));
        assertEquals("西青法院", UnitNames.current(XIQING, "西青法院"), "names its district: not a bare bureau");
        assertEquals("市规划资源局西青分局", UnitNames.current(XIQING, "市规划资源局西青分局"));
        assertEquals("公安武清分局", UnitNames.current(WUQING, "公安武清分局"));
        assertEquals("区委网信办", UnitNames.current(WUQING, "区委网信办"));
        assertEquals("相关部门", UnitNames.current(WUQING, "相关部门"));
    }
}
