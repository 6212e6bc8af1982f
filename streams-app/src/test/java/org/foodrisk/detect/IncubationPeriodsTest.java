package org.foodrisk.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IncubationPeriodsTest {

    private final IncubationPeriods table = IncubationPeriods.bundled();

    @Test
    void anAgentFromTheTableWinsOverTheSyndrome() {
        IncubationPeriods.Range staph = table.of("金黄色葡萄球菌", "胃肠道");
        assertEquals(Duration.ofHours(1), staph.min());
        assertEquals(Duration.ofHours(6), staph.max());
        assertEquals("沙门氏菌", table.of("沙门菌", null).name(), "aliases lead to the canonical row");
        assertEquals(Duration.ofMinutes(30), table.of("蜡样芽孢杆菌", null).min());
    }

    @Test
    void aSyndromeOrTheEnvelopeWhenTheAgentIsUnknown() {
        assertEquals("胃肠道", table.of("某未列出病原", "消化道").name());
        assertEquals(Duration.ofHours(72), table.of(null, "神经系统").max());
        assertEquals("*", table.of(null, "其他").name());
        assertEquals("*", table.of(null, null).name());
    }

    @Test
    void canonicalNames() {
        assertEquals("诺如病毒", table.canonicalAgent("Norovirus"));
        assertEquals("某未列出病原", table.canonicalAgent(" 某未列出病原 "));
        assertEquals("胃肠道", table.canonicalSyndrome("胃肠道症状"));
        assertNull(table.canonicalAgent(" "));
    }
}
