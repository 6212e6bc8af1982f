package org.foodrisk.detect;

import org.foodrisk.kafka.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detectors' per-key store values stay far below what their changelog topics take (1 MiB) whatever
 * the input (issue 14: a business sampled without end, or results with many long item names, grew a
 * value without bound — past 1 MiB the changelog refuses it and the stream thread stops for good).
 */
class DetectorStoreBoundsTest {

    private static final int BUDGET = 512 * 1024;
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2024-05-01T09:00:00+08:00");

    /** Twenty items, the first a critical substance, each as long as input may make it, in costly characters. */
    private static String items() {
        List<String> items = new ArrayList<>();
        items.add("克伦特罗" + "\u0001".repeat(250));
        for (int i = 1; i < 20; i++) {
            items.add(i + "食\u0001".repeat(125));
        }
        return String.join("、", items);
    }

    @Test
    void aCategoryWithThousandsOfDistinctFoodsKeepsItsFusionBaselineWithinBudget() throws Exception {
        RecentSignals recent = RecentSignals.empty();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        for (int i = 0; i < 6000; i++) {
            String food = i + "食\u0001".repeat(60);
            recent = recent.with(new RecentSignals.Notable(i % 2 == 0 ? "complaint" : "sampling", "N-" + i,
                    T0.plusMinutes(30L * i), food, "食\u0001".repeat(128), null), Duration.ofDays(14),
                    Duration.ofDays(84), zone);
        }
        int bytes = Json.MAPPER.writeValueAsBytes(recent).length;
        assertTrue(bytes < BUDGET, bytes + " bytes");
        assertTrue(recent.earlier().size() <= RecentSignals.MAX_EARLIER_KEYS, "stream × food keys bounded");
        assertTrue(recent.signals().size() <= RecentSignals.MAX_SIGNALS);
        assertEquals(recent, Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(recent), RecentSignals.class));
    }

    @Test
    void aBusinessFailingWithoutEndKeepsItsNewestFailuresWithinBudget() throws Exception {
        OffenderHistory history = OffenderHistory.empty();
        for (int i = 0; i < 1000; i++) {
            history = history.with(new OffenderHistory.Failure("S-" + i, T0.plusHours(i), "食\u0001".repeat(128), items(),
                    true, "120114", "武清区", "食用农产品"));
        }
        int bytes = Json.MAPPER.writeValueAsBytes(history).length;
        System.out.println("DetectorStoreBoundsTest: offender history of 1,000 failures, " + bytes + " bytes");
        assertTrue(bytes <= BUDGET, bytes + " bytes");
        assertEquals(OffenderHistory.MAX_FAILURES, history.failures().size());
        assertEquals("S-999", history.failures().get(history.failures().size() - 1).sampleId(), "the newest are kept");
        assertTrue(history.failures().get(0).items().startsWith("克伦特罗"), "whole entries, the substance still named");
        assertTrue(history.failures().get(0).items().endsWith("等20项"), history.failures().get(0).items());
    }

    @Test
    void aDayOfFailuresWithLongItemListsStaysWithinBudgetAndKeepsItemsWhole() throws Exception {
        FoodHazardDay day = FoodHazardDay.empty();
        for (int i = 0; i < 500; i++) {
            day = day.add(1, List.of("兽药残留"), Map.of("兽药残留", List.of(items().split("、"))), "S-" + i, T0,
                    "食\u0001".repeat(256), "食\u0001".repeat(300));
        }
        int bytes = Json.MAPPER.writeValueAsBytes(day).length;
        System.out.println("DetectorStoreBoundsTest: a day of 500 failures, " + bytes + " bytes");
        assertTrue(bytes <= BUDGET / 2, bytes + " bytes");
        assertEquals(500, day.failed("兽药残留"), "every failure counted");
        FoodHazardDay.Failure kept = day.failures().get(0);
        assertEquals("克伦特罗", kept.items().split("、")[0].substring(0, 4), "the rule still reads the substance");
    }

    @Test
    void aPlaceFloodedWithReportsKeepsItsNewestCasesWithinBudget() throws Exception {
        CaseHistory history = CaseHistory.empty();
        List<String> tags = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            tags.add("syndrome:" + "食\u0001".repeat(100));
        }
        for (int i = 0; i < 2000; i++) {
            history = history.with(new CaseHistory.Case("C-" + i, T0.plusMinutes(i), "120114", "武清区", "餐饮食品",
                    "食\u0001".repeat(256), tags, "食\u0001".repeat(2000), "食\u0001".repeat(256), "餐饮单位", null));
        }
        int bytes = Json.MAPPER.writeValueAsBytes(history).length;
        System.out.println("DetectorStoreBoundsTest: case history of 2,000 reports, " + bytes + " bytes");
        assertTrue(bytes <= BUDGET, bytes + " bytes");
        assertEquals(CaseHistory.MAX_CASES, history.cases().size());
        assertEquals("C-1999", history.cases().get(history.cases().size() - 1).id(), "the newest are kept");
    }
}
