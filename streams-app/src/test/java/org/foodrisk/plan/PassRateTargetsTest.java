package org.foodrisk.plan;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pass-rate target a 大类's failure rate is judged against (issue 15): a plan's 合格率 for the whole category
 * (西青 乳制品 ≥99%), never one scoped to 基地, 产地 or one program (蓟州 放心菜基地 ≥98%, 水产品产地 ≥98%,
 * 西青 例行监测 ≥97%): those say nothing about every 食用农产品 sold in the district.
 */
class PassRateTargetsTest {

    private final PassRateTargets targets = new PassRateTargets(PlanCatalog.bundled(), Map.of("食用农产品", 95.0), 96.0);

    @Test
    void aWholeCategoryTargetJudgesTheCategory() {
        PassRateTarget dairy = targets.targetFor("120111", "西青区", 2021, "乳制品");
        assertEquals(99.0, dairy.percent());
        assertTrue(dairy.fromPlan());
    }

    @Test
    void targetsScopedToBasesOriginOrAProgramDoNotJudgeTheWholeCategory() {
        PassRateTarget jizhou = targets.targetFor("120119", "蓟州区", 2024, "食用农产品");
        assertFalse(jizhou.fromPlan(), "蓟州's 98% is for 放心菜基地 and 水产品产地 only: " + jizhou);
        assertEquals(95.0, jizhou.percent());
        PassRateTarget xiqing = targets.targetFor("120111", "西青区", 2021, "食用农产品");
        assertFalse(xiqing.fromPlan(), "西青's 97% is for 例行监测 only: " + xiqing);
        PassRateTarget template = targets.targetFor("120101", "和平区", 2024, "食用农产品");
        assertFalse(template.fromPlan(), "the template's 97% is 产地抽检: " + template);
    }
}
