package org.foodrisk.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A target the plan writes as a range keeps both bounds (issue 15): 蓟州 "培养扶植1至2家", 西青 "确定1—2类";
 * every other target has no upper bound. The ranges are found in the targets' own words, not listed here.
 */
class PlanTargetRangesTest {

    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:至|—|–|－|-|～|~|到)\\s*(\\d+(?:\\.\\d+)?)\\s*(%|％|家|类|个|批次|份)");

    @Test
    void rangesKeepBothBounds() {
        List<String> ranges = new ArrayList<>();
        for (String planId : List.of("wuqing-2024", "jizhou-2018", "hebei-2023", "xiqing-2021", "xx-county-2024")) {
            Plan plan = PlanCatalog.readBundled(planId);
            for (PlanTask task : plan.tasks()) {
                for (PlanTask.Target target : task.targets()) {
                    Matcher m = RANGE.matcher(target.asWritten());
                    if (m.find()) {
                        ranges.add(target.asWritten());
                        assertEquals(Double.parseDouble(m.group(1)), target.value(), target.asWritten());
                        assertEquals(Double.parseDouble(m.group(2)), target.upperValue(), target.asWritten());
                    } else {
                        assertNull(target.upperValue(), target.asWritten());
                    }
                }
            }
        }
        assertEquals(2, ranges.size(), "蓟州 1至2家 and 西青 1—2类: " + ranges);
        assertFalse(ranges.isEmpty());
    }
}
